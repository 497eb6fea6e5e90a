package org.offbook.load.sec;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.offbook.model.Problem;

/**
 * Reads an SEC Financial Statement Data Set: a quarterly zip, or the folder it was extracted to.
 * {@code sub.txt} (one row per submission) and {@code num.txt} (one row per value) are
 * tab-separated UTF-8 text with a header row, read with opencsv without quoting; columns are
 * found by their header names, so layouts that add or reorder columns still load. {@code sub} is
 * joined to {@code num} by accession number ({@code adsh}). Only rows of mapped concepts in a
 * standard namespace, in a currency, without segments and without a co-registrant (the company's
 * own totals) are kept; {@code num.txt} is streamed row by row, never held whole.
 */
final class DataSets {

    static final String SUB = "sub.txt";
    static final String NUM = "num.txt";
    static final String PRE = "pre.txt";
    /** Dimensions under which a filer may tag its consolidated figures (utilities, holding companies, successors). */
    static final Set<String> CONSOLIDATED_MEMBERS = Set.of("LegalEntity=ParentCompany;", "Scenario=Successor;");
    static final Set<String> MEMBERS = Set.of(SUB, NUM, "tag.txt", "pre.txt");
    static final List<String> SUB_REQUIRED = List.of("adsh", "cik", "name", "form", "filed");
    static final List<String> NUM_REQUIRED = List.of("adsh", "tag", "version", "ddate", "qtrs", "uom", "value");
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private DataSets() {
    }

    /** A data-set member by its base name (sub.txt, num.txt, ...), or null. */
    static String member(String entryName) {
        String base = entryName.substring(entryName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return MEMBERS.contains(base) ? base : null;
    }

    /** True for a readable zip holding data-set members, and for a zip that cannot be read (reported when read). */
    static boolean isDataSetZip(Path zip) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (!e.isDirectory() && member(e.getName()) != null) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** True for sub.txt or num.txt in a folder that holds another data-set member beside it. */
    static boolean isDataSetMember(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.equals(SUB) && !name.equals(NUM)) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return false;
        }
        for (String other : MEMBERS) {
            if (!other.equals(name) && Files.isRegularFile(dir.resolve(other))) {
                return true;
            }
        }
        return false;
    }

    /** Opens a member for reading. */
    interface Source {
        Reader open() throws IOException;
    }

    /** Reads a zipped data set; returns the names of the members read (zip!/sub.txt, zip!/num.txt), empty when it was not loaded. */
    static List<String> readZip(String name, Path zip, ConceptMap concepts, SecStore store, List<Problem> errors) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Map<String, ZipEntry> found = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String m = e.isDirectory() ? null : member(e.getName());
                if (m != null && found.putIfAbsent(m, e) != null) {
                    errors.add(Problem.of(name, 0, null, "the zip holds two " + m + " (" + found.get(m).getName() + " and " + e.getName()
                            + "); one data set per zip; not loaded"));
                    return List.of();
                }
            }
            if (!missing(name, found.keySet(), errors)) {
                return List.of();
            }
            String subName = name + "!/" + found.get(SUB).getName();
            String numName = name + "!/" + found.get(NUM).getName();
            ZipEntry pre = found.get(PRE);
            boolean ok = read(subName, () -> reader(z.getInputStream(found.get(SUB))), numName, () -> reader(z.getInputStream(found.get(NUM))),
                    pre == null ? null : name + "!/" + pre.getName(), pre == null ? null : () -> reader(z.getInputStream(pre)), concepts, store, errors);
            return ok ? List.of(subName, numName) : List.of();
        } catch (ZipException e) {
            errors.add(Problem.of(name, 0, null, "not a readable zip file (" + e.getMessage() + "); if it is not an SEC data set, "
                    + "move it out of the checked folder; not loaded"));
            return List.of();
        } catch (IOException e) {
            errors.add(Problem.of(name, 0, null, "cannot read: " + e.getMessage()));
            return List.of();
        }
    }

    /** Reads an extracted data set: sub.txt and num.txt of one folder (either may be null: reported as missing). */
    static List<String> readFolder(String folder, Path sub, String subName, Path num, String numName, ConceptMap concepts, SecStore store,
                                   List<Problem> errors) {
        Set<String> present = new HashSet<>();
        if (sub != null) {
            present.add(SUB);
        }
        if (num != null) {
            present.add(NUM);
        }
        if (!missing(folder, present, errors)) {
            return List.of();
        }
        Path pre = sub.toAbsolutePath().getParent() == null ? null : sub.toAbsolutePath().getParent().resolve(PRE);
        boolean hasPre = pre != null && Files.isRegularFile(pre);
        String preName = subName.substring(0, subName.length() - SUB.length()) + PRE;
        boolean ok = read(subName, () -> reader(Files.newInputStream(sub)), numName, () -> reader(Files.newInputStream(num)),
                hasPre ? preName : null, hasPre ? () -> reader(Files.newInputStream(pre)) : null, concepts, store, errors);
        return ok ? List.of(subName, numName) : List.of();
    }

    private static boolean missing(String name, Set<String> present, List<Problem> errors) {
        List<String> lacking = new ArrayList<>();
        for (String need : List.of(SUB, NUM)) {
            if (!present.contains(need)) {
                lacking.add(need);
            }
        }
        if (!lacking.isEmpty()) {
            errors.add(Problem.of(name, 0, null, "SEC financial statement data set without " + String.join(" and ", lacking)
                    + " (a data set holds sub.txt and num.txt, with tag.txt and pre.txt); not loaded"));
            return false;
        }
        return true;
    }

    /** Longest line of a data-set member, and most characters read from one (a quarter's num.txt is a few hundred MB). */
    static final int MAX_LINE = 1 << 20;
    static final long MAX_MEMBER_CHARS = 8L << 30;

    private static Reader reader(InputStream in) {
        // malformed bytes become U+FFFD: only names and footnotes could hold them, never a value offbook uses;
        // a line or member beyond the limits (a damaged or hostile zip) fails as an IOException, reported below
        return new org.offbook.load.LineLimited(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), MAX_LINE, MAX_MEMBER_CHARS);
    }

    private static String reason(Exception e) {
        if (e instanceof org.offbook.load.LineLimited.TooLong) {
            return "a line longer than " + MAX_LINE + " characters";
        }
        if (e instanceof org.offbook.load.LineLimited.TooLarge) {
            return "more than " + MAX_MEMBER_CHARS + " characters";
        }
        return e.getMessage();
    }

    private static CSVReader tsv(Reader r) {
        return new CSVReaderBuilder(r)
                .withCSVParser(new CSVParserBuilder()
                        .withSeparator('\t')
                        .withQuoteChar(ICSVParser.NULL_CHARACTER)
                        .withEscapeChar(ICSVParser.NULL_CHARACTER)
                        .withIgnoreQuotations(true)
                        .withStrictQuotes(false)
                        .withIgnoreLeadingWhiteSpace(false)
                        .build())
                .withKeepCarriageReturn(false)
                .build();
    }

    /** A submission: the filer and the filing. */
    record Submission(String cik, String name, String form, LocalDate filed, String accepted, Integer fyeMonth, String sic, int line) {
    }

    /**
     * Reads sub then num; values go to the store, problems to errors. False when the data set was
     * not loaded (a member unreadable or of an unknown layout).
     */
    private static boolean read(String subName, Source sub, String numName, Source num, String preName, Source pre, ConceptMap concepts,
                                SecStore store, List<Problem> errors) {
        Map<String, Submission> subs = new HashMap<>();
        Set<String> badSubs = new HashSet<>();
        List<Problem> problems = new org.offbook.load.CappedErrors();
        try (CSVReader csv = tsv(sub.open())) {
            Map<String, Integer> col = header(subName, csv.readNext(), SUB_REQUIRED, errors);
            if (col == null) {
                return false;
            }
            int width = col.get("#width");
            String[] row;
            int line = 1;
            while ((row = csv.readNext()) != null) {
                line++;
                if (row.length == 1 && row[0].isEmpty()) {
                    continue;
                }
                if (row.length != width) {
                    problems.add(Problem.of(subName, line, null, "row has " + row.length + " cells, the header has " + width + "; submission not used"));
                    if (row.length > col.get("adsh")) {
                        badSubs.add(row[col.get("adsh")].strip());
                    }
                    continue;
                }
                String adsh = row[col.get("adsh")].strip();
                String cik = CompanyFacts.normaliseCik(row[col.get("cik")]);
                LocalDate filed = ymd(row[col.get("filed")]);
                if (!CompanyFacts.ACCN.matcher(adsh).matches()) {
                    problems.add(Problem.of(subName, line, "adsh", "not an accession number: '" + adsh + "'; submission not used"));
                    badSubs.add(adsh);
                    continue;
                }
                if (cik == null) {
                    problems.add(Problem.of(subName, line, "cik", "not a CIK: '" + row[col.get("cik")] + "'; submission not used"));
                    badSubs.add(adsh);
                    continue;
                }
                if (filed == null) {
                    problems.add(Problem.of(subName, line, "filed", "expected a date like 20100507, found '" + row[col.get("filed")]
                            + "'; submission not used"));
                    badSubs.add(adsh);
                    continue;
                }
                Integer fye = null;
                if (col.containsKey("fye")) {
                    String f = row[col.get("fye")].strip();
                    if (f.matches("\\d{4}")) {
                        fye = Integer.parseInt(f.substring(0, 2));
                    }
                }
                String accepted = col.containsKey("accepted") ? row[col.get("accepted")].strip() : null;
                String sic = col.containsKey("sic") ? row[col.get("sic")].strip() : "";
                subs.put(adsh, new Submission(cik, Observation.cleanName(row[col.get("name")]), row[col.get("form")].strip(), filed,
                        accepted == null || accepted.isEmpty() ? null : accepted, fye, sic.matches("\\d{3,4}") ? sic : null, line));
            }
        } catch (IOException | CsvValidationException | RuntimeException e) {
            errors.addAll(problems);
            errors.add(Problem.of(subName, 0, null, "cannot read: " + reason(e) + "; data set not loaded"));
            return false;
        }

        Set<String> local = new HashSet<>();
        for (String c : concepts.concepts()) {
            local.add(c.substring(c.indexOf(':') + 1));
        }
        Map<String, String> afterInterest = pre == null ? Map.of() : Presentation.operatingIncomeAfterInterest(preName, pre, errors);
        List<Observation> values = new ArrayList<>();
        List<Observation> consolidated = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Set<String> unknownAdsh = new HashSet<>();
        try (CSVReader csv = tsv(num.open())) {
            Map<String, Integer> col = header(numName, csv.readNext(), NUM_REQUIRED, errors);
            if (col == null) {
                errors.addAll(problems);
                return false;
            }
            int width = col.get("#width");
            int cAdsh = col.get("adsh");
            int cTag = col.get("tag");
            int cVersion = col.get("version");
            int cDdate = col.get("ddate");
            int cQtrs = col.get("qtrs");
            int cUom = col.get("uom");
            int cValue = col.get("value");
            int cSegments = col.getOrDefault("segments", -1);
            int cCoreg = col.getOrDefault("coreg", -1);
            String[] row;
            int line = 1;
            while ((row = csv.readNext()) != null) {
                line++;
                if (row.length != width) {
                    if (row.length == 1 && row[0].isEmpty()) {
                        continue;
                    }
                    problems.add(Problem.of(numName, line, null, "row has " + row.length + " cells, the header has " + width + "; row not used"));
                    continue;
                }
                String tag = row[cTag];
                if (!local.contains(tag)) {
                    continue;
                }
                String concept = namespace(row[cVersion], row[cAdsh]);
                if (concept == null || !concepts.mapped(concept = concept + ":" + tag)) {
                    continue; // a company's own (custom) concept, or one the table does not map
                }
                String segments = cSegments >= 0 ? row[cSegments] : "";
                String coreg = cCoreg >= 0 ? row[cCoreg] : "";
                boolean parentOrSuccessor = false;
                if (!segments.isEmpty() || !coreg.isEmpty()) {
                    // a segment's or a co-registrant's figure is not the company's total, except the parent's or the
                    // successor's, which some filers use for their consolidated figures (used when there is no plain value)
                    parentOrSuccessor = CONSOLIDATED_MEMBERS.contains(segments) && (coreg.isEmpty() || coreg.equals("ParentCompany"));
                    if (!parentOrSuccessor) {
                        continue;
                    }
                }
                String uom = row[cUom].strip();
                if (!CompanyFacts.isCurrency(uom)) {
                    continue;
                }
                String valueText = row[cValue].strip();
                if (valueText.isEmpty()) {
                    continue; // nil in the filing
                }
                String adsh = row[cAdsh].strip();
                Submission s = subs.get(adsh);
                if (s == null) {
                    if (!badSubs.contains(adsh) && unknownAdsh.add(adsh)) {
                        problems.add(Problem.of(numName, line, "adsh", "submission " + adsh + " is not in " + SUB + "; its values are not used"));
                    }
                    continue;
                }
                BigDecimal value;
                try {
                    value = new BigDecimal(valueText);
                } catch (NumberFormatException e) {
                    problems.add(Problem.of(numName, line, "value", "not a number: '" + abbreviate(valueText) + "' (" + concept + "); value not used"));
                    continue;
                }
                String range = Observation.outOfRange(value);
                if (range != null) {
                    problems.add(Problem.of(numName, line, "value", range + ", found '" + abbreviate(valueText) + "' (" + concept + "); value not used"));
                    continue;
                }
                LocalDate end = ymd(row[cDdate]);
                if (end == null) {
                    problems.add(Problem.of(numName, line, "ddate", "expected a date like 20100331, found '" + abbreviate(row[cDdate]) + "'; value not used"));
                    continue;
                }
                int qtrs;
                try {
                    qtrs = Integer.parseInt(row[cQtrs].strip());
                    if (qtrs < 0 || qtrs > 400) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    problems.add(Problem.of(numName, line, "qtrs", "expected a number of quarters (0 for a balance-sheet date), found '"
                            + abbreviate(row[cQtrs]) + "'; value not used"));
                    continue;
                }
                // ddate is rounded to a month end by the SEC; a duration of n quarters starts 3n months earlier
                LocalDate start = qtrs == 0 ? null : end.plusDays(1).minusMonths(3L * qtrs);
                String where = parentOrSuccessor ? "tagged " + segments.substring(0, segments.length() - 1) : "";
                String presented = afterInterest.get(adsh);
                if (presented != null && concept.equals("us-gaap:OperatingIncomeLoss")) {
                    where = (where.isEmpty() ? "" : where + "; ") + Presentation.AFTER_INTEREST + " (" + presented + ")";
                }
                Observation o = new Observation(s.cik(), concept, uom, start, end, value, adsh, s.form(), s.filed(), s.accepted(),
                        numName, line, where, "data set");
                (parentOrSuccessor ? consolidated : values).add(o);
                used.add(adsh);
            }
        } catch (IOException | CsvValidationException | RuntimeException e) {
            errors.addAll(problems);
            errors.add(Problem.of(numName, 0, null, "cannot read: " + reason(e) + "; data set not loaded"));
            return false;
        }
        errors.addAll(problems);
        for (Map.Entry<String, Submission> e : subs.entrySet()) {
            Submission s = e.getValue();
            SecStore.Filer f = store.filer(s.cik());
            if (used.contains(e.getKey())) {
                f.name(s.name(), false, s.filed(), subName, s.line(), "SEC financial statement data set, " + SUB + " (accn " + e.getKey() + ")");
            }
            if (s.fyeMonth() != null) {
                f.fyeMonth = s.fyeMonth();
            }
            if (s.sic() != null && (f.sicFiled == null || !s.filed().isBefore(f.sicFiled))) {
                f.sic = s.sic();
                f.sicFiled = s.filed();
            }
        }
        Set<String> plain = new HashSet<>();
        for (Observation o : values) {
            store.add(o);
            plain.add(SecStore.seriesKey(o) + "|" + o.accn());
        }
        for (Observation o : consolidated) {
            if (!plain.contains(SecStore.seriesKey(o) + "|" + o.accn())) {
                store.add(o); // the filing gives no undimensioned value: its parent's or successor's is the consolidated one
            }
        }
        return true;
    }

    /** Column positions by header name; null (and an error) when a required column is missing. */
    private static Map<String, Integer> header(String file, String[] header, List<String> required, List<Problem> errors) {
        if (header == null) {
            errors.add(Problem.of(file, 1, null, "empty file: expected a header row (" + String.join(", ", required) + ", ...); data set not loaded"));
            return null;
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String h = header[i].strip().toLowerCase(Locale.ROOT);
            if (i == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            col.putIfAbsent(h, i);
        }
        List<String> lacking = new ArrayList<>();
        for (String r : required) {
            if (!col.containsKey(r)) {
                lacking.add(r);
            }
        }
        if (!lacking.isEmpty()) {
            errors.add(Problem.of(file, 1, null, "unknown column layout: no column " + String.join(", ", lacking) + " (the header has "
                    + abbreviate(String.join(", ", header), 300) + "; needed: " + String.join(", ", required) + "); data set not loaded"));
            return null;
        }
        col.put("#width", header.length);
        return col;
    }

    /** The namespace of a data-set tag from its version (us-gaap/2009 is us-gaap); null for a filer's own tags (version = adsh). */
    static String namespace(String version, String adsh) {
        String v = version.strip();
        int slash = v.indexOf('/');
        if (slash <= 0 || v.equals(adsh.strip())) {
            return null;
        }
        String ns = v.substring(0, slash);
        return ns.equals("ifrs") ? "ifrs-full" : ns;
    }

    private static LocalDate ymd(String text) {
        String t = text.strip();
        if (!t.matches("\\d{8}")) {
            return null;
        }
        try {
            return LocalDate.parse(t, YMD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 60);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
