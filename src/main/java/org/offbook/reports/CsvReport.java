package org.offbook.reports;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.model.RunInfo;

/**
 * One row per finding, RFC 4180 (through opencsv), for spreadsheets and workpapers. A cell that
 * a spreadsheet would evaluate as a formula (starting with =, +, -, @, tab or carriage return) is
 * prefixed with an apostrophe, so opening the file never runs anything; plain numbers are left
 * as numbers.
 *
 * <p>The format {@code csv-bom} starts the file with a UTF-8 byte-order mark: Excel on Windows
 * reads a CSV without one in the machine's legacy code page and garbles names such as
 * "Société Générale"; with it, Excel reads UTF-8. Other readers may show the mark, hence an option.
 *
 * <p>The run metadata (rule version, engagement, as-of date, preparer, rule pack, offbook version)
 * is in the last columns of every row, not in comment lines or a companion file: CSV has no
 * comments (a reader would take them for a row), a companion file gets separated from its CSV, and
 * a row filtered or pasted into a workpaper keeps what produced it.
 */
public final class CsvReport implements Renderer {

    private final boolean byteOrderMark;

    /** Plain UTF-8 CSV. */
    public CsvReport() {
        this(false);
    }

    /** @param byteOrderMark start with U+FEFF, for Excel on Windows */
    public CsvReport(boolean byteOrderMark) {
        this.byteOrderMark = byteOrderMark;
    }

    static final String[] HEADER = {"ruleId", "family", "severity", "subject", "subjectName", "entities", "amount", "currency",
        "title", "explanation", "why", "procedure", "standards", "evidence", "fingerprint", "status", "statusReason",
        "kind", "missing", "amountKind", "amountCounted", "sameMoneyAs", "structure", "materiality", "assumed",
        "ruleVersion", "engagement", "asOf", "preparer", "rulePack", "offbookVersion"};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @Override
    public void render(Report r, Writer out) throws IOException {
        if (byteOrderMark) {
            out.write('\uFEFF');
        }
        try (CSVWriter csv = new CSVWriter(new NonClosing(out), ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n")) {
            csv.writeNext(HEADER, false);
            RunInfo run = r.run();
            for (Finding f : r.findings()) {
                List<String> evidence = new ArrayList<>();
                for (Evidence e : f.evidence()) {
                    evidence.add(e.location());
                }
                String[] row = {f.ruleId(), f.family(), f.severity().label(), f.subject(), f.subjectName(),
                    String.join("; ", f.entities()), f.amount() == null ? "" : f.amount().amount().toPlainString(),
                    f.amount() == null ? "" : f.amount().currency(), f.title(), f.explanation(), f.why(), f.procedure(),
                    String.join("; ", f.standards()), String.join("; ", evidence), f.fingerprint(), f.triage().status(),
                    f.triage().reason(), f.framing().kind(), f.framing().missing(), f.framing().amountKind(),
                    f.amount() == null ? "" : String.valueOf(f.framing().counted()), String.join("; ", f.framing().sameMoneyAs()),
                    f.framing().structure(), f.framing().materiality(), String.join("; ", f.framing().assumed()),
                    run.ruleVersion(f.ruleId()), run.title(), run.asOfText(), run.preparer(), run.rulePack(), r.toolVersion()};
                for (int i = 0; i < row.length; i++) {
                    row[i] = neutralise(row[i]);
                }
                csv.writeNext(row, true);
            }
        }
    }

    /** A cell a spreadsheet will show as text: formula-like content gets a leading apostrophe. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** Lets opencsv flush without closing the caller's writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
