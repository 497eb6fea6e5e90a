package org.offbook.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.offbook.model.Evidence;
import org.offbook.model.FileStats;
import org.offbook.model.Finding;
import org.offbook.model.Problem;
import org.offbook.model.Severity;
import org.offbook.model.TriageStatus;

/**
 * The workpaper: an Office Open XML workbook (through dhatim fastexcel, argued in
 * docs/report-format.md) with the sheets Findings, Evidence, Inputs, Problems and Run. Every text
 * is written as a string cell, never as a formula, so a name such as {@code =HYPERLINK(...)} is
 * shown as it was read; amounts and counts are numbers, the generation time is a date. The bytes
 * depend on the report alone: fastexcel stamps the package with the clock, so the package is
 * rewritten with fixed entry times and a creation date that is the run's own ({@code
 * SOURCE_DATE_EPOCH}) or none ({@link Package}).
 */
public final class XlsxReport implements Renderer {

    /** What Excel holds in one cell; a longer text is cut there and says so. */
    static final int MAX_CELL = 32_767;
    private static final String CUT = " [cut: longer than a spreadsheet cell holds; see the JSON report]";
    /** Rows written before a sheet's rows so far are flushed to the package (bounded memory for large runs). */
    private static final int FLUSH_EVERY = 5_000;

    static final String[] FINDINGS = {"fingerprint", "rule", "severity", "status", "subject", "subject name", "title",
        "explanation", "amount", "currency", "standards", "evidence", "family", "why", "procedure", "status reason"};
    private static final double[] FINDINGS_WIDTH = {18, 11, 10, 11, 14, 28, 40, 80, 18, 9, 30, 30, 14, 60, 60, 30};
    static final String[] EVIDENCE = {"fingerprint", "rule", "file", "line", "type", "fact", "source"};
    private static final double[] EVIDENCE_WIDTH = {18, 11, 36, 7, 14, 70, 50};
    static final String[] INPUTS = {"file", "format", "facts read", "facts loaded", "facts rejected"};
    private static final double[] INPUTS_WIDTH = {50, 14, 12, 12, 14};
    static final String[] PROBLEMS = {"file", "line", "column", "field", "message"};
    private static final double[] PROBLEMS_WIDTH = {50, 7, 7, 20, 90};
    static final String[] RUN = {"item", "value"};
    private static final double[] RUN_WIDTH = {28, 70};

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        throw new IOException("xlsx is a binary format: write it to a file (-o FILE or --report xlsx=FILE)");
    }

    @Override
    public void write(Report r, OutputStream out) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Workbook wb = new Workbook(raw, "offbook", appVersion(r.toolVersion()));
        findings(wb.newWorksheet("Findings"), r);
        evidence(wb.newWorksheet("Evidence"), r);
        inputs(wb.newWorksheet("Inputs"), r);
        problems(wb.newWorksheet("Problems"), r);
        run(wb.newWorksheet("Run"), r);
        wb.finish();
        out.write(Package.normalise(raw.toByteArray(), createdAt(r.generatedAt())));
    }

    private static void findings(Worksheet ws, Report r) throws IOException {
        header(ws, FINDINGS, FINDINGS_WIDTH);
        int row = 1;
        for (Finding f : r.findings()) {
            List<String> evidence = new ArrayList<>();
            for (Evidence e : f.evidence()) {
                evidence.add(e.location());
            }
            text(ws, row, 0, f.fingerprint());
            text(ws, row, 1, f.ruleId());
            text(ws, row, 2, f.severity().label());
            text(ws, row, 3, f.triage().status());
            text(ws, row, 4, f.subject());
            text(ws, row, 5, f.subjectName());
            text(ws, row, 6, f.title());
            prose(ws, row, 7, f.explanation());
            if (f.amount() != null) {
                BigDecimal a = f.amount().amount();
                ws.value(row, 8, a);
                ws.style(row, 8).format(a.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0").set();
                text(ws, row, 9, f.amount().currency());
            }
            text(ws, row, 10, String.join("; ", f.standards()));
            prose(ws, row, 11, String.join("\n", evidence));
            text(ws, row, 12, f.family());
            prose(ws, row, 13, f.why());
            prose(ws, row, 14, f.procedure());
            text(ws, row, 15, f.triage().reason());
            row = next(ws, row);
        }
        ws.finish();
    }

    private static void evidence(Worksheet ws, Report r) throws IOException {
        header(ws, EVIDENCE, EVIDENCE_WIDTH);
        int row = 1;
        for (Finding f : r.findings()) {
            for (Evidence e : f.evidence()) {
                text(ws, row, 0, f.fingerprint());
                text(ws, row, 1, f.ruleId());
                text(ws, row, 2, e.file());
                ws.value(row, 3, e.line());
                text(ws, row, 4, e.type());
                prose(ws, row, 5, e.fact());
                prose(ws, row, 6, e.source());
                row = next(ws, row);
            }
        }
        ws.finish();
    }

    private static void inputs(Worksheet ws, Report r) throws IOException {
        header(ws, INPUTS, INPUTS_WIDTH);
        int row = 1;
        for (FileStats s : r.files()) {
            text(ws, row, 0, s.file());
            text(ws, row, 1, s.format());
            ws.value(row, 2, s.read());
            ws.value(row, 3, s.loaded());
            ws.value(row, 4, s.rejected());
            row = next(ws, row);
        }
        for (String skipped : r.skipped()) {
            text(ws, row, 0, skipped);
            text(ws, row, 1, "skipped");
            row = next(ws, row);
        }
        ws.finish();
    }

    private static void problems(Worksheet ws, Report r) throws IOException {
        header(ws, PROBLEMS, PROBLEMS_WIDTH);
        int row = 1;
        for (Problem e : r.errors()) {
            text(ws, row, 0, e.file());
            if (e.line() > 0) {
                ws.value(row, 1, e.line());
            }
            if (e.column() > 0) {
                ws.value(row, 2, e.column());
            }
            text(ws, row, 3, e.field());
            prose(ws, row, 4, e.message());
            row = next(ws, row);
        }
        ws.finish();
    }

    /**
     * The run: what produced this workpaper, with the run metadata (engagement, as-of date, preparer,
     * rule-pack and each rule's version) as item/value rows.
     */
    private static void run(Worksheet ws, Report r) throws IOException {
        header(ws, RUN, RUN_WIDTH);
        int[] row = {1};
        item(ws, row, "tool", "offbook");
        item(ws, row, "version", r.toolVersion());
        Instant at = createdAt(r.generatedAt());
        if (at != null) {
            text(ws, row[0], 0, "generated at (UTC)");
            ws.value(row[0], 1, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            ws.style(row[0], 1).format("yyyy-mm-dd hh:mm:ss").set();
            row[0]++;
        }
        // run metadata (docs/report-format.md "Run metadata"): the rows of what was given, the rule pack's version always when known
        org.offbook.model.RunInfo meta = r.run();
        String[][] given = {{"engagement", meta.title()}, {"as of", meta.asOfText()}, {"preparer", meta.preparer()},
            {"docs address", meta.docsUrl()}, {"rule pack", meta.rulePack()}};
        for (String[] g : given) {
            if (g[1] != null) {
                item(ws, row, g[0], g[1]);
            }
        }
        for (String in : r.inputs()) {
            item(ws, row, "input", in);
        }
        number(ws, row, "files read", r.files().size());
        number(ws, row, "files skipped", r.skipped().size());
        number(ws, row, "facts read", r.factsRead());
        number(ws, row, "facts loaded", r.factsLoaded());
        number(ws, row, "facts rejected", r.factsRejected());
        number(ws, row, "facts merged (same fact twice)", r.factsMerged());
        number(ws, row, "rule files", r.ruleFiles().size());
        number(ws, row, "rules", r.rules().size());
        for (org.offbook.model.RuleInfo ri : r.rules()) {
            if (meta.ruleVersion(ri.id()) != null) {
                item(ws, row, "rule version " + ri.id(), meta.ruleVersion(ri.id()));
            }
        }
        number(ws, row, "findings", r.findings().size());
        for (TriageStatus s : TriageStatus.values()) {
            number(ws, row, "findings " + s.name().toLowerCase(java.util.Locale.ROOT), r.count(s));
        }
        for (Map.Entry<Severity, Integer> e : r.countBySeverity().entrySet()) {
            number(ws, row, "findings " + e.getKey().label(), e.getValue());
        }
        number(ws, row, "problems", r.errors().size());
        item(ws, row, "fail on", r.failOn() == null ? "never" : r.failOn().label());
        ws.finish();
    }

    private static void header(Worksheet ws, String[] names, double[] widths) {
        for (int c = 0; c < names.length; c++) {
            ws.value(0, c, names[c]);
            ws.width(c, widths[c]);
        }
        ws.range(0, 0, 0, names.length - 1).style().bold().fillColor("D9E1F2").set();
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, names.length - 1);
    }

    private static int next(Worksheet ws, int row) throws IOException {
        if (row % FLUSH_EVERY == 0) {
            ws.flush();
        }
        return row + 1;
    }

    private static void item(Worksheet ws, int[] row, String item, String value) {
        text(ws, row[0], 0, item);
        text(ws, row[0], 1, value);
        row[0]++;
    }

    private static void number(Worksheet ws, int[] row, String item, long value) {
        text(ws, row[0], 0, item);
        ws.value(row[0], 1, value);
        row[0]++;
    }

    /** A string cell (never a formula): characters XML cannot carry replaced, cut at what a cell holds. */
    static void text(Worksheet ws, int row, int col, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        ws.value(row, col, cell(value));
    }

    /**
     * A long text, mostly one of a kind (an explanation, a procedure, a fact): an inline string, so
     * that the workbook's table of shared strings (held in memory until the end) keeps only the short
     * values that repeat (rule, severity, status, file). Still a string, never a formula.
     */
    static void prose(Worksheet ws, int row, int col, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        ws.inlineString(row, col, cell(value));
    }

    static String cell(String value) {
        String s = Xml.text(value);
        if (s.length() > MAX_CELL) {
            int end = MAX_CELL - CUT.length();
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            s = s.substring(0, end) + CUT;
        }
        return s;
    }

    /** The run's own time (SOURCE_DATE_EPOCH), never the clock; null when the run has none. */
    static Instant createdAt(String generatedAt) {
        if (generatedAt == null) {
            return null;
        }
        try {
            return Instant.parse(generatedAt);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The application version as the workbook's extended properties require it (digits.digits). */
    static String appVersion(String toolVersion) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,2})\\.(\\d{1,4})").matcher(toolVersion == null ? "" : toolVersion);
        return m.find() ? m.group(1) + "." + m.group(2) : "0.0";
    }
}
