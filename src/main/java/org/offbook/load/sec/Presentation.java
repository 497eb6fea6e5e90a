package org.offbook.load.sec;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.offbook.model.Problem;

/**
 * Reads a data set's {@code pre.txt} (how each filing presents its statements) for one question:
 * does the income statement show {@code us-gaap:OperatingIncomeLoss} on a line below interest
 * expense? Some filers (real-estate trusts, lessors, finance companies) tag a subtotal after
 * interest as operating income ("income before income from unconsolidated joint ventures");
 * dividing it by interest counts the interest twice, so such a figure is not used as operating
 * income. Rows are streamed; only the lines of the concepts asked about are kept.
 */
final class Presentation {

    /** Marks an operating income observation presented after interest (in its {@code where}). */
    static final String AFTER_INTEREST = "presented after interest expense";

    private static final String OPERATING = "OperatingIncomeLoss";
    /** Interest lines that, shown above operating income, put it after interest. */
    private static final Set<String> INTEREST = Set.of("InterestExpense", "InterestExpenseDebt", "InterestAndDebtExpense",
            "InterestExpenseBorrowings", "InterestExpenseLongTermDebt", "InterestExpenseNonoperating");
    /**
     * Top lines: an interest line counts only below the first of them, among the expenses. (Some
     * filings' presentation lists a few elements out of order before the revenue, IGT's 8-K of
     * 2010 for one; an interest line there says nothing about where operating income stands.)
     */
    private static final Set<String> REVENUE = Set.of("Revenues", "SalesRevenueNet", "SalesRevenueGoodsNet", "SalesRevenueServicesNet",
            "RevenueFromContractWithCustomerExcludingAssessedTax", "RealEstateRevenueNet", "RegulatedAndUnregulatedOperatingRevenue",
            "OilAndGasRevenue", "Revenue");

    private Presentation() {
    }

    /**
     * Accession number -> "income statement line 22, interest expense at line 16" for each filing
     * whose income statement shows operating income below an interest line of the same statement.
     * A pre.txt that cannot be read is reported and ignored (the figures are then used as tagged).
     */
    static Map<String, String> operatingIncomeAfterInterest(String name, DataSets.Source source, List<Problem> errors) {
        // adsh|report -> tag -> first line
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        try (CSVReader csv = new CSVReaderBuilder(source.open())
                .withCSVParser(new CSVParserBuilder().withSeparator('\t').withQuoteChar(ICSVParser.NULL_CHARACTER)
                        .withEscapeChar(ICSVParser.NULL_CHARACTER).withIgnoreQuotations(true).build())
                .build()) {
            String[] header = csv.readNext();
            if (header == null) {
                return Map.of();
            }
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                col.putIfAbsent(header[i].strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""), i);
            }
            for (String need : List.of("adsh", "report", "line", "stmt", "tag")) {
                if (!col.containsKey(need)) {
                    errors.add(Problem.of(name, 1, null, "unknown column layout: no column " + need
                            + "; the presentation is not used (operating income is taken as tagged)"));
                    return Map.of();
                }
            }
            int cAdsh = col.get("adsh");
            int cReport = col.get("report");
            int cLine = col.get("line");
            int cStmt = col.get("stmt");
            int cTag = col.get("tag");
            int width = header.length;
            String[] row;
            while ((row = csv.readNext()) != null) {
                if (row.length != width || !row[cStmt].equals("IS")) {
                    continue;
                }
                String tag = row[cTag];
                if (!tag.equals(OPERATING) && !INTEREST.contains(tag) && !REVENUE.contains(tag)) {
                    continue;
                }
                int line;
                try {
                    line = Integer.parseInt(row[cLine].strip());
                } catch (NumberFormatException e) {
                    continue;
                }
                lines.computeIfAbsent(row[cAdsh].strip() + "|" + row[cReport].strip(), k -> new TreeMap<>())
                        .merge(REVENUE.contains(tag) ? "#revenue" : tag, line, Math::min);
            }
        } catch (Exception e) {
            errors.add(Problem.of(name, 0, null, "cannot read: " + e.getMessage() + "; the presentation is not used (operating income is taken as tagged)"));
            return Map.of();
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : lines.entrySet()) {
            Integer operating = e.getValue().get(OPERATING);
            if (operating == null) {
                continue;
            }
            int revenue = e.getValue().getOrDefault("#revenue", 0);
            for (Map.Entry<String, Integer> t : e.getValue().entrySet()) {
                if (INTEREST.contains(t.getKey()) && t.getValue() < operating && t.getValue() > revenue) {
                    String adsh = e.getKey().substring(0, e.getKey().indexOf('|'));
                    out.putIfAbsent(adsh, "income statement line " + operating + ", below us-gaap:" + t.getKey() + " at line " + t.getValue());
                    break;
                }
            }
        }
        return out;
    }
}
