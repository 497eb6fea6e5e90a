package org.offbook.load.sec;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Restatement;
import org.offbook.model.Statement;

/**
 * Turns what was read from SEC files into facts: per filer, the value each period uses (the latest
 * filed), the restatements between filings, quarters derived from year-to-date figures, one
 * {@link Statement} per period and currency, and the filer's {@link Entity} (or a link to the
 * entity of the deal-term files that has its CIK or name).
 */
final class SecFacts {

    /** Annual reports: their latest period end is a fiscal year end. */
    private static final Set<String> ANNUAL_FORMS = Set.of("10-K", "10-K/A", "10-K405", "20-F", "20-F/A", "40-F", "40-F/A");
    /**
     * Forms whose figures are financial statements: annual and quarterly reports, their amendments
     * and transition reports, and 8-Ks (which recast earlier periods). Figures in other forms (a
     * proxy statement's pay-versus-performance table, a registration statement) are not used.
     */
    static final Set<String> STATEMENT_FORMS = Set.of("10-K", "10-K/A", "10-K405", "10-KT", "10-KT/A", "10-Q", "10-Q/A", "10-QT", "10-QT/A",
            "20-F", "20-F/A", "40-F", "40-F/A", "8-K", "8-K/A");
    private static final int MAX_EARLIER_LISTED = 5;

    private SecFacts() {
    }

    /** The value a period uses for one concept and unit: the latest filed, with the filings before it. */
    record Chosen(Observation obs, List<Observation> earlier) {
        Money money() {
            return new Money(obs.value(), obs.unit());
        }
    }

    /** A concept's value for one statement period: reported (chosen) or derived (later YTD less earlier YTD). */
    record Value(String concept, Money money, Chosen reported, Chosen plus, Chosen minus) {
        boolean derived() {
            return reported == null;
        }

        Observation anchor() {
            return derived() ? plus.obs() : reported.obs();
        }
    }

    /** Builds the facts of every filer; user entities are those read from the other input files. */
    static List<Fact> build(SecStore store, ConceptMap concepts, List<Fact> others) {
        return build(store, concepts, others, new HashMap<>());
    }

    /** As above; {@code links} receives the entity id of each filer (CIK -> id), including filers kept without values. */
    static List<Fact> build(SecStore store, ConceptMap concepts, List<Fact> others, Map<String, String> links) {
        Linker linker = new Linker(others);
        List<Fact> out = new ArrayList<>();
        for (SecStore.Filer filer : store.filers.values()) {
            if (filer.series.isEmpty() && !filer.keep) {
                continue;
            }
            String id = linker.link(filer);
            links.put(filer.cik, id);
            if (linker.created(filer.cik)) {
                Map<String, Object> v = new HashMap<>();
                v.put("id", id);
                v.put("name", filer.displayName());
                v.put("kind", "company");
                v.put("aliases", List.of());
                v.put("cik", filer.cik);
                v.put("sic", filer.sic);
                v.put("source", filer.source == null ? "SEC EDGAR CIK" + CompanyFacts.padded(filer.cik) : filer.source);
                v.put("provenance", new Provenance(filer.file, Math.max(filer.line, 1)));
                out.add(construct(Entity.class, v));
            }
            out.addAll(filerFacts(filer, id, concepts));
        }
        return out;
    }

    private static List<Fact> filerFacts(SecStore.Filer filer, String entity, ConceptMap concepts) {
        // the value each filing reported, and the one used: the latest filed
        Map<String, Chosen> chosen = new LinkedHashMap<>();
        Periods.Calendar calendar = new Periods.Calendar();
        Map<String, LocalDate> annualEnds = new HashMap<>();
        List<Fact> out = new ArrayList<>();
        List<List<Observation>> restated = new ArrayList<>();
        Map<PeriodKey, List<String>> notes = new HashMap<>();
        for (Map.Entry<String, List<Observation>> e : filer.series.entrySet()) {
            List<Observation> obs = new ArrayList<>();
            for (Observation o : e.getValue()) {
                if (statementForm(o)) {
                    obs.add(o);
                } else {
                    filer.otherForms.merge(o.form(), 1, Integer::sum);
                    notes.computeIfAbsent(new PeriodKey(o.unit(), o.start(), o.end()), x -> new ArrayList<>())
                            .add(o.concept() + " " + new Money(o.value(), o.unit()) + " in accn " + o.accn() + " (" + form(o) + " filed "
                                    + o.filed() + ") not used: not a financial-statement form");
                }
            }
            if (obs.isEmpty()) {
                continue;
            }
            obs.sort(FILED);
            Observation last = obs.get(obs.size() - 1);
            chosen.put(e.getKey(), new Chosen(last, List.copyOf(obs.subList(0, obs.size() - 1))));
            restated.add(obs);
            for (Observation o : obs) {
                if (o.form() != null && ANNUAL_FORMS.contains(o.form().toUpperCase(java.util.Locale.ROOT))) {
                    annualEnds.merge(o.accn(), o.end(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        annualEnds.values().forEach(calendar::addYearEnd);
        if (!calendar.known()) {
            calendar.hintMonth(filer.fyeMonth);
        }

        Map<String, List<Observation[]>> corrections = new TreeMap<>();
        Map<String, Integer> units = Corrections.units(restated);
        for (List<Observation> obs : restated) {
            out.addAll(restatements(entity, obs, calendar, concepts, corrections, units));
        }
        out.addAll(Corrections.of(entity, corrections, calendar));

        // a period's fields come from one filing: the latest filed that reports the period
        Map<PeriodKey, Observation> vintage = new HashMap<>();
        for (Chosen c : chosen.values()) {
            Observation o = c.obs();
            vintage.merge(new PeriodKey(o.unit(), o.start(), o.end()), o, (a, b) -> FILED.compare(a, b) >= 0 ? a : b);
        }

        String reporting = reportingCurrency(chosen.values());

        // reported values by statement period (currency, start, end), then derived quarters
        Map<PeriodKey, Map<String, Value>> reported = new TreeMap<>();
        Map<PeriodKey, Map<String, Value>> derived = new TreeMap<>();
        Map<String, Map<PeriodKey, Chosen>> durationsBySeries = new LinkedHashMap<>();
        Set<String> reportedAny = new java.util.HashSet<>();
        for (Chosen c : chosen.values()) {
            Observation o = c.obs();
            PeriodKey k = new PeriodKey(o.unit(), o.start(), o.end());
            reportedAny.add(o.concept() + "|" + k);
            Observation latest = vintage.get(k);
            if (!latest.accn().equals(o.accn())) {
                notes.computeIfAbsent(k, x -> new ArrayList<>()).add(o.concept() + " " + c.money() + " in accn " + o.accn() + " (" + form(o)
                        + " filed " + o.filed() + ") not used: the period's latest filing, accn " + latest.accn() + " (" + form(latest)
                        + " filed " + latest.filed() + "), does not report it");
            } else {
                reported.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(o.concept(), new Value(o.concept(), c.money(), c, null, null));
            }
            if (!o.instant()) {
                durationsBySeries.computeIfAbsent(o.concept() + "|" + o.unit(), x -> new TreeMap<>()).put(k, c);
            }
        }
        for (Map<PeriodKey, Chosen> durations : durationsBySeries.values()) {
            Map<LocalDate, List<Chosen>> byStart = new TreeMap<>();
            for (Chosen c : durations.values()) {
                byStart.computeIfAbsent(c.obs().start(), x -> new ArrayList<>()).add(c);
            }
            for (List<Chosen> sameStart : byStart.values()) {
                for (Chosen later : sameStart) {
                    for (Chosen earlier : sameStart) {
                        Observation b = later.obs();
                        Observation a = earlier.obs();
                        if (!a.end().isBefore(b.end()) || !ytd(a, calendar) || !ytd(b, calendar)) {
                            continue;
                        }
                        LocalDate qStart = a.end().plusDays(1);
                        if (Periods.kind(qStart, b.end()) != Periods.Kind.QUARTER) {
                            continue;
                        }
                        PeriodKey q = new PeriodKey(b.unit(), qStart, b.end());
                        if (reportedAny.contains(b.concept() + "|" + q)) {
                            continue; // the quarter itself was reported
                        }
                        Money m = new Money(b.value().subtract(a.value()), b.unit());
                        derived.computeIfAbsent(q, x -> new LinkedHashMap<>()).put(b.concept(), new Value(b.concept(), m, null, later, earlier));
                    }
                }
            }
        }

        Set<PeriodKey> periods = new java.util.TreeSet<>(reported.keySet());
        periods.addAll(derived.keySet());
        for (PeriodKey k : periods) {
            Periods.Kind kind = Periods.kind(k.start(), k.end());
            boolean emitted = kind == Periods.Kind.INSTANT || kind == Periods.Kind.QUARTER
                    || (kind == Periods.Kind.YEAR && calendar.fiscalYear(k.end()));
            if (!emitted) {
                continue; // year-to-date, trailing twelve months, odd lengths: used for derivation only
            }
            Statement s = statement(entity, filer, k, reporting, calendar, concepts,
                    reported.getOrDefault(k, Map.of()), derived.getOrDefault(k, Map.of()), notes.getOrDefault(k, List.of()));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Values of one series ordered by filing: date filed, acceptance time, accession number, then where read. */
    static final Comparator<Observation> FILED = Comparator.comparing(Observation::filed)
            .thenComparing(Observation::accepted, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Observation::accn)
            .thenComparing(Observation::file)
            .thenComparingInt(Observation::line);

    /** A duration from the start of a fiscal year: a first quarter, six or nine months, or a fiscal year. */
    private static boolean ytd(Observation o, Periods.Calendar calendar) {
        Periods.Kind k = Periods.kind(o.start(), o.end());
        return k == Periods.Kind.QUARTER || k == Periods.Kind.HALF || k == Periods.Kind.NINE_MONTHS
                || (k == Periods.Kind.YEAR && calendar.fiscalYear(o.end()));
    }

    record PeriodKey(String currency, LocalDate start, LocalDate end) implements Comparable<PeriodKey> {
        @Override
        public int compareTo(PeriodKey o) {
            int c = currency.compareTo(o.currency);
            if (c == 0) {
                c = end.compareTo(o.end);
            }
            if (c == 0) {
                c = Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()).compare(start, o.start);
            }
            return c;
        }
    }

    /** The currency most values are in (USD on a tie); values in other currencies make statements of their own. */
    private static String reportingCurrency(Iterable<Chosen> values) {
        Map<String, Integer> count = new TreeMap<>();
        for (Chosen c : values) {
            count.merge(c.obs().unit(), 1, Integer::sum);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : count.entrySet()) {
            if (best == null || e.getValue() > count.get(best) || (e.getValue().equals(count.get(best)) && e.getKey().equals("USD"))) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static Statement statement(String entity, SecStore.Filer filer, PeriodKey k, String reporting, Periods.Calendar calendar,
                                       ConceptMap concepts, Map<String, Value> reported, Map<String, Value> derived, List<String> periodNotes) {
        boolean instant = k.start() == null;
        Map<String, Value> used = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, List<ConceptMap.Mapping>> f : concepts.fields().entrySet()) {
            String field = f.getKey();
            Value pick = null;
            for (Map<String, Value> pool : List.of(reported, derived)) {
                for (ConceptMap.Mapping m : f.getValue()) {
                    Value v = pool.get(m.concept());
                    if (v == null || m.instant() != instant) {
                        continue;
                    }
                    if (concepts.nonNegative(field) && v.money().amount().signum() < 0) {
                        notes.add(field + ": " + m.concept() + " " + v.money() + (v.derived() ? " (derived)" : "") + " not used: negative");
                        continue;
                    }
                    String presented = field.equals("operatingIncome") ? afterInterest(v) : null;
                    if (presented != null) {
                        notes.add(field + ": " + m.concept() + " " + v.money() + " not used: " + presented);
                        continue;
                    }
                    pick = v;
                    break;
                }
                if (pick != null) {
                    break;
                }
            }
            if (pick != null) {
                used.put(field, pick);
            }
        }
        if (used.isEmpty()) {
            return null;
        }
        String label = calendar.label(k.start(), k.end()) + (k.currency().equals(reporting) ? "" : " (" + k.currency() + ")");
        Observation anchor = used.values().iterator().next().anchor();
        Set<String> origins = new LinkedHashSet<>();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Value> e : used.entrySet()) {
            Value v = e.getValue();
            origins.add(v.anchor().origin());
            parts.add(e.getKey() + " " + describe(v, anchor, calendar));
        }
        parts.addAll(notes);
        parts.addAll(periodNotes);
        String source = origin(origins) + ": " + label + (instant ? "" : " (" + k.start() + ".." + k.end() + ")") + ", CIK"
                + CompanyFacts.padded(filer.cik) + ": " + String.join("; ", parts);

        Map<String, Object> values = new HashMap<>();
        values.put("entity", entity);
        values.put("period", label);
        values.put("start", k.start());
        values.put("end", k.end());
        values.put("currency", k.currency());
        values.put("source", source);
        values.put("provenance", new Provenance(anchor.file(), anchor.line()));
        for (Map.Entry<String, Value> e : used.entrySet()) {
            values.put(e.getKey(), e.getValue().money());
        }
        return construct(Statement.class, values);
    }

    private static String origin(Set<String> origins) {
        if (origins.contains(FiledStatements.ORIGIN)) {
            return "SEC filing (XBRL)";
        }
        if (origins.size() > 1) {
            return "SEC companyfacts and financial statement data sets";
        }
        return origins.contains("companyfacts") ? "SEC companyfacts" : "SEC financial statement data set";
    }

    /** "us-gaap:Revenues USD 198270000000, accn X (8-K filed 2024-12-03, line 46); same value in earlier filings: A, B". */
    private static String describe(Value v, Observation anchor, Periods.Calendar calendar) {
        StringBuilder sb = new StringBuilder(v.concept()).append(' ').append(v.money());
        if (v.derived()) {
            Observation b = v.plus().obs();
            Observation a = v.minus().obs();
            sb.append(" derived from year-to-date figures: ").append(calendar.label(b.start(), b.end())).append(' ').append(new Money(b.value(), b.unit()))
                    .append(' ').append(filing(b, anchor))
                    .append(" less ").append(calendar.label(a.start(), a.end())).append(' ').append(new Money(a.value(), a.unit()))
                    .append(' ').append(filing(a, anchor));
            return sb.toString();
        }
        Chosen c = v.reported();
        sb.append(", ").append(filing(c.obs(), anchor));
        List<String> same = new ArrayList<>();
        List<String> different = new ArrayList<>();
        Set<String> accns = new LinkedHashSet<>();
        for (int i = c.earlier().size() - 1; i >= 0; i--) {
            Observation o = c.earlier().get(i);
            if (o.accn().equals(c.obs().accn()) || !accns.add(o.accn())) {
                continue;
            }
            if (o.value().compareTo(c.obs().value()) == 0) {
                same.add(o.accn());
            } else {
                different.add(new Money(o.value(), o.unit()) + " in accn " + o.accn() + " (" + form(o) + " filed " + o.filed() + ")");
            }
        }
        if (!different.isEmpty()) {
            sb.append("; earlier reported differently: ").append(list(different));
        }
        if (!same.isEmpty()) {
            sb.append("; same value in earlier filings: accn ").append(list(same));
        }
        return sb.toString();
    }

    private static String list(List<String> items) {
        if (items.size() <= MAX_EARLIER_LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, MAX_EARLIER_LISTED)) + " and " + (items.size() - MAX_EARLIER_LISTED) + " more";
    }

    /** "accn 0000950170-24-132722 (8-K filed 2024-12-03, line 46 $.facts...)". */
    private static String filing(Observation o, Observation anchor) {
        String where = o.file().equals(anchor.file()) ? "line " + o.line() : o.file() + ":" + o.line();
        if (o.where() != null && !o.where().isEmpty()) {
            where += " " + o.where();
        }
        if (o.origin().equals(FiledStatements.ORIGIN)) {
            return form(o) + " (" + (o.file().equals(anchor.file()) ? "" : o.file() + " ") + "line " + o.line()
                    + (o.where() == null || o.where().isEmpty() ? "" : " " + o.where()) + ")";
        }
        return "accn " + o.accn() + " (" + form(o) + " filed " + o.filed() + ", " + where + ")";
    }

    /** True for a value of a financial-statement form (or of a filing read without a form). */
    static boolean statementForm(Observation o) {
        return o.form() == null || o.form().isEmpty() || STATEMENT_FORMS.contains(o.form().toUpperCase(java.util.Locale.ROOT));
    }

    /** Why an operating income value is presented after interest (its where, or a YTD figure's), or null. */
    private static String afterInterest(Value v) {
        for (Chosen c : java.util.Arrays.asList(v.reported(), v.plus(), v.minus())) {
            if (c != null && c.obs().where() != null && c.obs().where().contains(Presentation.AFTER_INTEREST)) {
                String w = c.obs().where();
                return w.substring(w.indexOf(Presentation.AFTER_INTEREST)) + " in accn " + c.obs().accn();
            }
        }
        return null;
    }

    static String form(Observation o) {
        return o.form() == null || o.form().isEmpty() ? "form n/a" : o.form();
    }

    /** One Restatement per change of value between consecutive filings of one series. */
    private static List<Restatement> restatements(String entity, List<Observation> obs, Periods.Calendar calendar, ConceptMap concepts,
                                                  Map<String, List<Observation[]>> corrections, Map<String, Integer> units) {
        List<Restatement> out = new ArrayList<>();
        Observation prev = null;
        for (Observation o : obs) {
            if (prev != null && !prev.accn().equals(o.accn()) && prev.value().compareTo(o.value()) != 0) {
                String kind = Corrections.kind(prev.value(), o.value(), units.get(prev.accn()), units.get(o.accn()));
                if (kind != null) {
                    // not a restatement: counted once per pair of filings
                    corrections.computeIfAbsent(prev.accn() + "|" + o.accn() + "|" + kind, x -> new ArrayList<>()).add(new Observation[] {prev, o});
                    prev = o;
                    continue;
                }
                String label = calendar.label(o.start(), o.end());
                String field = concepts.of(o.concept()).isEmpty() ? null : concepts.of(o.concept()).get(0).field();
                Money before = new Money(prev.value(), prev.unit());
                Money after = new Money(o.value(), o.unit());
                String source = (o.origin().equals("companyfacts") ? "SEC companyfacts" : o.origin().equals(FiledStatements.ORIGIN)
                        ? "SEC filings (XBRL)" : "SEC financial statement data set") + ": " + o.concept()
                        + " " + label + (o.start() == null ? "" : " (" + o.start() + ".." + o.end() + ")") + ", CIK" + CompanyFacts.padded(o.cik())
                        + ": " + before + " in accn " + prev.accn() + " (" + form(prev) + " filed " + prev.filed() + ", " + prev.location()
                        + "), then " + after + " in accn " + o.accn() + " (" + form(o) + " filed " + o.filed() + ", " + o.location() + ")";
                out.add(new Restatement(entity, o.concept(), field, label, o.start(), o.end(), before, prev.accn(), prev.form(), prev.filed(),
                        after, o.accn(), o.form(), o.filed(), source, new Provenance(o.file(), o.line())));
            }
            prev = o;
        }
        return out;
    }

    /** Builds a record from component values by name; components not given are null (robust to fields added later). */
    static <T> T construct(Class<T> type, Map<String, Object> values) {
        RecordComponent[] cs = type.getRecordComponents();
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            args[i] = values.get(cs[i].getName());
        }
        try {
            Constructor<T> ctor = FactTypes.canonicalConstructor(type);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /**
     * Links SEC filers to the entities of the deal-term files: by CIK (leading zeros ignored), else by
     * name (the SEC name equal to an entity's id, name or alias, ignoring case and punctuation, for an
     * entity without a CIK of its own). A filer that links to nothing becomes an entity of its own,
     * {@code cik-<CIK>}, of kind company.
     */
    static final class Linker {
        private final Map<String, String> byCik = new HashMap<>();
        private final Map<String, Entity> byName = new HashMap<>();
        private final Map<String, String> linkedCik = new HashMap<>(); // entity id -> CIK linked by name
        private final Set<String> created = new java.util.HashSet<>();

        Linker(List<Fact> others) {
            List<Entity> entities = new ArrayList<>();
            for (Fact f : others) {
                if (f instanceof Entity e) {
                    entities.add(e);
                }
            }
            entities.sort(Comparator.comparing(Entity::provenance));
            for (Entity e : entities) {
                String cik = CompanyFacts.normaliseCik(e.cik());
                if (cik != null) {
                    byCik.putIfAbsent(cik, e.id());
                }
            }
            for (Entity e : entities) {
                List<String> names = new ArrayList<>(e.aliases());
                names.add(e.id());
                names.add(e.name());
                for (String n : names) {
                    byName.putIfAbsent(norm(n), e);
                }
            }
        }

        static String norm(String name) {
            return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        }

        String link(SecStore.Filer filer) {
            String id = byCik.get(filer.cik);
            if (id != null) {
                return id;
            }
            if (filer.name != null) {
                Entity e = byName.get(norm(filer.name));
                if (e != null && CompanyFacts.normaliseCik(e.cik()) == null && !byCik.containsValue(e.id())) {
                    String prior = linkedCik.putIfAbsent(e.id(), filer.cik);
                    if (prior == null || prior.equals(filer.cik)) {
                        return e.id();
                    }
                }
            }
            created.add(filer.cik);
            return "cik-" + filer.cik;
        }

        boolean created(String cik) {
            return created.contains(cik);
        }
    }

}
