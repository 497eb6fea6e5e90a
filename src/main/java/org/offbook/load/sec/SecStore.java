package org.offbook.load.sec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything read from SEC files in one check, before it becomes facts: the filers and, per filer,
 * the values of mapped concepts grouped by series (concept, unit, period), each series holding the
 * value of every filing that reported it. A value read twice (the same filing in a data set and in
 * companyfacts, or a zip and its extracted folder) is kept once.
 */
final class SecStore {

    /** A filer, as the SEC files name it. */
    static final class Filer {
        final String cik;
        String name;
        boolean nameFromCompanyFacts;
        java.time.LocalDate nameFiled;
        String file;
        int line;
        String source;
        Integer fyeMonth;
        /** SEC standard industrial classification of the latest submission read, or null. */
        String sic;
        java.time.LocalDate sicFiled;
        /** Kept as an entity even without statement values (a filing read for its disclosures). */
        boolean keep;
        final Map<String, List<Observation>> series = new LinkedHashMap<>();
        /** Values of forms that are not financial statements (not used as figures), by form. */
        final Map<String, Integer> otherForms = new TreeMap<>();
        private final Map<String, Observation> seen = new HashMap<>();

        Filer(String cik) {
            this.cik = cik;
        }

        /** The name from companyfacts wins (it is the current one); otherwise the name on the latest filing. */
        void name(String n, boolean companyFacts, java.time.LocalDate filed, String file, int line, String source) {
            if (n == null || n.isBlank()) {
                return;
            }
            boolean better = name == null
                    || (companyFacts && !nameFromCompanyFacts)
                    || (companyFacts == nameFromCompanyFacts && filed != null && (nameFiled == null || filed.isAfter(nameFiled)));
            if (better) {
                name = n.strip();
                nameFromCompanyFacts = companyFacts;
                nameFiled = filed;
                this.file = file;
                this.line = line;
                this.source = source;
            }
        }

        String displayName() {
            return name != null ? name : "CIK " + cik;
        }
    }

    final Map<String, Filer> filers = new TreeMap<>((a, b) -> {
        int c = Integer.compare(a.length(), b.length());
        return c != 0 ? c : a.compareTo(b);
    });

    Filer filer(String cik) {
        return filers.computeIfAbsent(cik, Filer::new);
    }

    static String seriesKey(Observation o) {
        return o.concept() + "|" + o.unit() + "|" + o.start() + "|" + o.end();
    }

    /** Adds a value; false when the same filing already gave a value for this series (the first is kept). */
    boolean add(Observation o) {
        Filer f = filer(o.cik());
        String key = seriesKey(o);
        String filingKey = key + "|" + o.accn();
        if (f.seen.putIfAbsent(filingKey, o) != null) {
            return false;
        }
        f.series.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        return true;
    }

    int size() {
        return filers.values().stream().mapToInt(f -> f.seen.size()).sum();
    }
}
