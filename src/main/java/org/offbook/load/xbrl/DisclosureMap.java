package org.offbook.load.xbrl;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.offbook.model.Problem;
import org.offbook.load.RuleTables;

/**
 * Which tagged XBRL values feed which offbook disclosure: the table {@code xbrl-disclosures.csv}
 * (columns {@code id, kind, precedence, concept, members, cik, qualifier, note}). A row matches a fact
 * by its concept (a qname; {@code *} matches any characters, so {@code *:*LeasesNotYetCommenced*}
 * reads a company concept), its dimensions ({@code axis=member} patterns separated by {@code ;},
 * alternatives in a member separated by {@code |}; every dimension of the fact must be matched by a
 * pattern unless the row ends with {@code *=*}; an empty cell matches only undimensioned facts) and,
 * when given, the filer's CIK. Of the rows that match one fact the lowest precedence wins (then the
 * row written first), so each tagged value feeds one figure and is counted once. The qualifier may
 * name an axis, {@code {srt:MajorCustomersAxis}}: the fact's member on it, in words
 * ({@code nvda:CustomerAMember} gives "Customer A"; {@code |lower} gives lower case).
 *
 * <p>Found as every rule table is ({@link RuleTables}): the file named by the system property
 * {@code offbook.xbrl.disclosures} or the environment variable {@code OFFBOOK_XBRL_DISCLOSURES}; the
 * table in the run's rule folders ({@code --rules}); the copy built into offbook.
 * Read at run time: editing it needs no rebuild. See {@code docs/sec-data.md}.
 */
public final class DisclosureMap {

    public static final String FILE = "xbrl-disclosures.csv";
    public static final String PROPERTY = "offbook.xbrl.disclosures";
    public static final String ENV = "OFFBOOK_XBRL_DISCLOSURES";
    static final String BUILT_IN = "/org/offbook/load/xbrl/xbrl-disclosures.csv";
    static final RuleTables.Table TABLE = new RuleTables.Table(FILE, "XBRL disclosure table", PROPERTY, ENV, BUILT_IN);
    static final List<String> COLUMNS = List.of("id", "kind", "precedence", "concept", "members", "cik", "qualifier", "note");

    /** What a kind's values are: an amount (a monetary fact), a share (pure), years (a duration), or an amount or a share. */
    enum Value { AMOUNT, SHARE, YEARS, AMOUNT_OR_SHARE }

    /** The kinds a row may map to, with the value each takes. */
    static final Map<String, Value> KINDS;

    static {
        Map<String, Value> k = new java.util.LinkedHashMap<>();
        k.put("concentration-revenue", Value.SHARE);
        k.put("concentration-receivables", Value.SHARE);
        k.put("useful-life", Value.YEARS);
        k.put("leases-not-commenced", Value.AMOUNT);
        k.put("leases-not-commenced-term", Value.YEARS);
        k.put("purchase-obligations", Value.AMOUNT);
        k.put("vie-maximum-exposure", Value.AMOUNT);
        k.put("guarantee-maximum-exposure", Value.AMOUNT);
        k.put("lease-remaining-term", Value.YEARS);
        k.put("equity-method-investee", Value.AMOUNT_OR_SHARE);
        k.put("related-party-transaction", Value.AMOUNT);
        k.put("debt", Value.AMOUNT);
        KINDS = java.util.Collections.unmodifiableMap(k);
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern QNAME_GLOB = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9._*-]*:[A-Za-z0-9_*][A-Za-z0-9_.*-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}|]+)(\\|lower)?\\}");

    /** One axis=member pattern of a row. */
    record DimensionPattern(String axis, Pattern axisRegex, Pattern memberRegex) {
    }

    /** One row of the table, with where it was written. */
    public record Row(String id, String kind, int precedence, String concept, String members, String cik, String qualifier,
                      String note, String file, int line, Pattern conceptRegex, List<DimensionPattern> dimensions, boolean anyOther) {

        /** How evidence names the row: {@code rules/xbrl-disclosures.csv:5 (lnc-uupo-meta)}. */
        public String where() {
            return file + ":" + line + " (" + id + ")";
        }

        boolean matches(XbrlFact f, String filerCik) {
            if (cik != null && !cik.equals(filerCik)) {
                return false;
            }
            if (!conceptRegex.matcher(f.qname()).matches()) {
                return false;
            }
            Set<String> used = new HashSet<>();
            for (DimensionPattern p : dimensions) {
                boolean found = false;
                for (Map.Entry<String, XbrlFact.Member> d : f.dimensions().entrySet()) {
                    if (!used.contains(d.getKey()) && p.axisRegex().matcher(d.getKey()).matches()
                            && p.memberRegex().matcher(d.getValue().value()).matches()) {
                        used.add(d.getKey());
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return anyOther || used.size() == f.dimensions().size();
        }

        /** The qualifier for a fact this row matched: placeholders replaced by the fact's members in words. */
        String qualifierOf(XbrlFact f) {
            Matcher m = PLACEHOLDER.matcher(qualifier);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                XbrlFact.Member member = f.member(m.group(1).strip());
                String words = member == null ? "" : words(member);
                if (m.group(2) != null) {
                    words = words.toLowerCase(Locale.ROOT);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(words));
            }
            m.appendTail(sb);
            return sb.toString().strip();
        }
    }

    private final String file;
    private final List<Row> rows;

    DisclosureMap(String file, List<Row> rows) {
        this.file = file;
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(Row::precedence).thenComparingInt(Row::line));
        this.rows = List.copyOf(sorted);
    }

    /** The table's name as reported (a path, or "built-in xbrl-disclosures.csv"). */
    public String file() {
        return file;
    }

    /** The rows, by precedence then as written. */
    public List<Row> rows() {
        return rows;
    }

    /** The row that maps a fact (lowest precedence, then first written), or null when none does. */
    public Row match(XbrlFact f, String filerCik) {
        for (Row r : rows) {
            if (r.matches(f, filerCik)) {
                return r;
            }
        }
        return null;
    }

    /**
     * A member in words: a typed member's value as written; an explicit member's local name without
     * "Member", split where the case changes ({@code nvda:CustomerAMember} -> "Customer A",
     * {@code us-gaap:GuaranteeOfIndebtednessOfOthersMember} -> "Guarantee Of Indebtedness Of Others").
     */
    static String words(XbrlFact.Member m) {
        if (m.typed()) {
            return m.value().strip();
        }
        String s = m.value().substring(m.value().indexOf(':') + 1);
        while (s.endsWith("Member") && s.length() > "Member".length()) {
            s = s.substring(0, s.length() - "Member".length());
        }
        s = s.replaceAll("([a-z])([A-Z0-9])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2").replaceAll("([0-9])([A-Za-z])", "$1 $2");
        return s.strip();
    }

    /** Finds and reads the table (see the class comment); problems go to {@code errors}, the valid rows are used. */
    public static DisclosureMap load(List<Problem> errors) {
        return load(null, errors);
    }

    /** As {@link #load(List)}, for a run on the rule folders {@code ruleDirs} (null when none were given; see {@link RuleTables}). */
    public static DisclosureMap load(List<Path> ruleDirs, List<Problem> errors) {
        return RuleTables.load(TABLE, ruleDirs, DisclosureMap::read, errors);
    }

    static DisclosureMap builtIn(List<Problem> errors) {
        return RuleTables.builtIn(TABLE, DisclosureMap::read, errors);
    }

    public static DisclosureMap read(Path p, List<Problem> errors) {
        return RuleTables.read(TABLE, p, DisclosureMap::read, errors);
    }

    static DisclosureMap read(String name, Reader in, List<Problem> errors) {
        List<Row> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (CSVReader csv = new CSVReaderBuilder(in).build()) {
            RuleTables.Rows table = RuleTables.rows(csv, name, "XBRL disclosure table", String.join(",", COLUMNS),
                    List.of("id", "kind", "precedence", "concept", "members"), "disclosure", errors);
            if (table == null) {
                return new DisclosureMap(name, List.of());
            }
            Map<String, Integer> col = table.columns();
            for (RuleTables.Row tr : table.rows()) {
                int line = tr.line();
                String[] row = tr.cells();
                Row r = row(name, line, row, col, ids, errors);
                if (r != null) {
                    rows.add(r);
                }
            }
        } catch (CsvValidationException | IOException | RuntimeException e) {
            errors.add(Problem.of(name, 0, null, "malformed XBRL disclosure table: " + e.getMessage()));
        }
        return new DisclosureMap(name, rows);
    }

    private static String cell(String[] row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null ? "" : row[i].strip();
    }

    private static Row row(String name, int line, String[] row, Map<String, Integer> col, Set<String> ids, List<Problem> errors) {
        String id = cell(row, col, "id");
        String kind = cell(row, col, "kind");
        String rank = cell(row, col, "precedence");
        String concept = cell(row, col, "concept");
        String members = cell(row, col, "members");
        String cik = cell(row, col, "cik").replaceFirst("^0+(?=\\d)", "");
        String qualifier = cell(row, col, "qualifier");
        if (!ID.matcher(id).matches()) {
            errors.add(Problem.of(name, line, "id", "expected a short id of lower-case letters, digits and '-', found '" + id + "'; row ignored"));
            return null;
        }
        if (!ids.add(id)) {
            errors.add(Problem.of(name, line, "id", "the id " + id + " is already used by another row; row ignored"));
            return null;
        }
        if (!KINDS.containsKey(kind)) {
            errors.add(Problem.of(name, line, "kind", "'" + kind + "' is not a disclosure kind (" + String.join(", ", KINDS.keySet()) + "); row ignored"));
            return null;
        }
        int p;
        try {
            p = Integer.parseInt(rank);
            if (p < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            errors.add(Problem.of(name, line, "precedence", "expected a whole number from 1 (first choice), found '" + rank + "'; row ignored"));
            return null;
        }
        if (!QNAME_GLOB.matcher(concept).matches()) {
            errors.add(Problem.of(name, line, "concept", "expected namespace:Name, * for any characters (e.g. us-gaap:PurchaseObligation or "
                    + "*:*LeasesNotYetCommenced*), found '" + concept + "'; row ignored"));
            return null;
        }
        if (!cik.isEmpty() && !cik.chars().allMatch(Character::isDigit)) {
            errors.add(Problem.of(name, line, "cik", "expected the filer's CIK (digits) or nothing, found '" + cik + "'; row ignored"));
            return null;
        }
        List<DimensionPattern> dims = new ArrayList<>();
        boolean anyOther = false;
        if (!members.isEmpty()) {
            for (String part : members.split(";", -1)) {
                String s = part.strip();
                int eq = s.indexOf('=');
                if (s.equals("*=*")) {
                    anyOther = true;
                    continue;
                }
                if (eq <= 0 || eq == s.length() - 1) {
                    errors.add(Problem.of(name, line, "members", "expected axis=member patterns separated by ';' (e.g. "
                            + "srt:MajorCustomersAxis=*), found '" + s + "'; row ignored"));
                    return null;
                }
                String axis = s.substring(0, eq).strip();
                String member = s.substring(eq + 1).strip();
                dims.add(new DimensionPattern(axis, glob(axis), glob(member)));
            }
        }
        Matcher m = PLACEHOLDER.matcher(qualifier);
        while (m.find()) {
            String axis = m.group(1).strip();
            boolean listed = dims.stream().anyMatch(d -> d.axis().equals(axis));
            if (!listed) {
                errors.add(Problem.of(name, line, "qualifier", "{" + axis + "} names an axis the members column does not list; row ignored"));
                return null;
            }
        }
        return new Row(id, kind, p, concept, members, cik.isEmpty() ? null : cik, qualifier, cell(row, col, "note"), name, line,
                glob(concept), List.copyOf(dims), anyOther);
    }

    /** A pattern with * for any characters and | between alternatives, matched whole. */
    static Pattern glob(String s) {
        StringBuilder sb = new StringBuilder();
        String[] alternatives = s.split("\\|", -1);
        for (int i = 0; i < alternatives.length; i++) {
            if (i > 0) {
                sb.append('|');
            }
            String a = alternatives[i].strip();
            int from = 0;
            int star;
            while ((star = a.indexOf('*', from)) >= 0) {
                sb.append(Pattern.quote(a.substring(from, star))).append(".*");
                from = star + 1;
            }
            sb.append(Pattern.quote(a.substring(from)));
        }
        return Pattern.compile("(?:" + sb + ")");
    }
}
