package org.offbook.reports;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.offbook.model.Fact;
import org.offbook.model.Money;
import org.offbook.prepare.Exposure;

/**
 * {@code offbook exposure --format csv}: one row per loss, in the order the text view lists them,
 * then one row per company that fails in turn and per company not assessed. Each obligation is one
 * row (a syndicate is one row with its participants; a guarantee netted from a beneficiary's loss
 * shows the net amount with the gross beside it). Amounts are plain numbers with their currency;
 * every cell from the input is neutralised against formula evaluation ({@link CsvReport#neutralise}).
 */
public final class ExposureCsv {

    /** The header row. */
    public static final List<String> COLUMNS = List.of("entity", "section", "order", "party", "party_name", "kind", "amount", "currency",
            "gross", "status", "counted", "participants", "chain", "description", "evidence");

    private ExposureCsv() {
    }

    public static String csv(Exposure.Result r) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVWriter csv = new CSVWriter(w, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n")) {
            csv.writeNext(COLUMNS.toArray(String[]::new), false);
            for (Exposure.Item i : r.items()) {
                csv.writeNext(cells(r.entity(), "loss", String.valueOf(i.order()), i.party(), i.partyName(), i.kind(), i.amount(), i.gross(),
                        i.status(), String.valueOf(i.counted()), String.join("; ", i.participants()), String.join(" > ", i.chain()),
                        i.description(), evidence(i.facts())), true);
            }
            for (String f : r.failing()) {
                csv.writeNext(cells(r.entity(), "fails in turn", "", f, r.nameOf(f), "", null, null, "", "", "", "",
                        r.whyFailing().getOrDefault(f, ""), ""), true);
            }
            for (Map.Entry<String, String> e : r.notAssessed().entrySet()) {
                csv.writeNext(cells(r.entity(), "not assessed", "", e.getKey(), r.nameOf(e.getKey()), "", null, null, "", "", "", "",
                        e.getValue(), ""), true);
            }
        }
        return w.toString();
    }

    private static String[] cells(String entity, String section, String order, String party, String partyName, String kind, Money amount,
                                  Money gross, String status, String counted, String participants, String chain, String text, String evidence) {
        return new String[] {CsvReport.neutralise(entity), section, order, CsvReport.neutralise(party), CsvReport.neutralise(partyName),
            CsvReport.neutralise(kind), amount == null ? "" : amount.amount().toPlainString(), amount == null ? "" : amount.currency(),
            gross == null || gross.equals(amount) ? "" : gross.amount().toPlainString(), status, counted, CsvReport.neutralise(participants),
            CsvReport.neutralise(chain), CsvReport.neutralise(text), CsvReport.neutralise(evidence)};
    }

    private static String evidence(List<Fact> facts) {
        StringBuilder sb = new StringBuilder();
        for (Fact f : facts) {
            if (f.provenance() != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(f.provenance());
            }
        }
        return sb.toString();
    }
}
