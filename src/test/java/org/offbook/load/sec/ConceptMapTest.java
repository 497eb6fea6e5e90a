package org.offbook.load.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.offbook.load.sec.Sec.usd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Statement;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;

/** The concept table: the shipped file is the built-in one, it is read at run time, and its mistakes are reported. */
class ConceptMapTest {

    @TempDir
    Path dir;

    @Test
    void theShippedTableIsTheBuiltInOne() throws IOException {
        String shipped = TestFiles.read(TestFiles.project("rules/" + ConceptMap.FILE));
        try (InputStream in = ConceptMap.class.getResourceAsStream(ConceptMap.BUILT_IN)) {
            assertEquals(shipped, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "copy rules/sec-concepts.csv to src/main/resources/org/offbook/load/sec/");
        }
        List<Problem> errors = new ArrayList<>();
        ConceptMap map = ConceptMap.read(TestFiles.project("rules/" + ConceptMap.FILE), errors);
        assertEquals(List.of(), errors);
        assertEquals(List.of("us-gaap:Revenues", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", "us-gaap:SalesRevenueNet",
                "ifrs-full:Revenue", "us-gaap:SalesRevenueGoodsNet", "us-gaap:SalesRevenueServicesNet", "us-gaap:RegulatedAndUnregulatedOperatingRevenue",
                "us-gaap:RealEstateRevenueNet", "us-gaap:OilAndGasRevenue"), map.fields().get("revenue").stream().map(ConceptMap.Mapping::concept).toList());
        assertEquals(List.of("us-gaap:InterestExpense", "us-gaap:InterestExpenseDebt", "us-gaap:InterestExpenseNonoperating", "ifrs-full:InterestExpense",
                "us-gaap:InterestAndDebtExpense", "us-gaap:InterestExpenseBorrowings", "us-gaap:InterestExpenseLongTermDebt"),
                map.fields().get("interestExpense").stream().map(ConceptMap.Mapping::concept).toList());
        assertEquals(List.of("us-gaap:LongTermDebt", "us-gaap:LongTermDebtNoncurrent", "us-gaap:LongTermNotesPayable",
                "us-gaap:LongTermDebtAndCapitalLeaseObligations"),
                map.fields().get("totalDebt").stream().map(ConceptMap.Mapping::concept).toList());
        for (String field : List.of("operatingIncome", "netIncome", "equity", "operatingLeaseLiabilities", "financeLeaseLiabilities", "capex", "rpo",
                "purchaseObligations", "vieMaximumExposure")) {
            assertTrue(map.fields().containsKey(field), field);
        }
    }

    @Test
    void theDocShowsTheShippedTable() {
        String doc = TestFiles.read(TestFiles.project("docs/sec-data.md"));
        String marker = "<!-- file: rules/" + ConceptMap.FILE + " -->\n```csv\n";
        int at = doc.indexOf(marker);
        assertTrue(at >= 0, "docs/sec-data.md shows the table");
        int start = at + marker.length();
        assertEquals(TestFiles.read(TestFiles.project("rules/" + ConceptMap.FILE)), doc.substring(start, doc.indexOf("```", start)));
    }

    @Test
    void anEditedTableChangesWhatIsReadWithoutRebuilding() {
        // the same Alphabet sample, with the ASC 606 concept put first
        Path table = TestFiles.write(dir, "my-concepts.csv", """
                field,precedence,concept,note
                revenue,1,us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax,606 first
                revenue,2,us-gaap:Revenues,
                """);
        System.setProperty(ConceptMap.PROPERTY, table.toString());
        try {
            LoadResult r = Sec.load(Sec.sample("companyfacts/alphabet_two_revenue_tags_companyfacts.json"));
            Sec.noErrors(r);
            Statement q1 = Sec.statement(r, "cik-1652044", "2019-01-01", "2019-03-31");
            assertEquals(usd("36339000000"), q1.revenue());
            assertTrue(q1.source().contains("revenue us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax USD 36339000000, "
                    + "accn 0001652044-20-000021 (10-Q filed 2020-04-29"), q1.source());
        } finally {
            System.clearProperty(ConceptMap.PROPERTY);
        }
    }

    @Test
    void theTableOfTheRuleFoldersGivenIsReadNotTheOneInTheWorkingFolder() {
        // a run with --rules DIR reads DIR/sec-concepts.csv (the working folder's rules/ has the shipped one)
        Path rules = dir.resolve("my-rules");
        TestFiles.write(rules, ConceptMap.FILE, """
                field,precedence,concept,note
                revenue,1,us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax,606 first
                revenue,2,us-gaap:Revenues,
                """);
        LoadResult r = FolderLoader.load(List.of(Sec.sample("companyfacts/alphabet_two_revenue_tags_companyfacts.json")), false, List.of(rules),
                org.offbook.model.ProgressListener.NONE);
        Sec.noErrors(r);
        Statement q1 = Sec.statement(r, "cik-1652044", "2019-01-01", "2019-03-31");
        assertTrue(q1.source().contains("revenue us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax USD 36339000000"), q1.source());
        assertEquals(rules.resolve(ConceptMap.FILE).toString(), ConceptMap.load(List.of(rules), new ArrayList<>()).file());
        // rule folders without a table: the built-in one, never the working folder's
        assertEquals("built-in " + ConceptMap.FILE, ConceptMap.load(List.of(dir.resolve("empty")), new ArrayList<>()).file());
    }

    @Test
    void mistakesInTheTableAreReportedWithTheirLine() {
        Path table = TestFiles.write(dir, "bad.csv", """
                field,precedence,concept,note
                revenu,1,us-gaap:Revenues,
                revenue,first,us-gaap:Revenues,
                revenue,1,Revenues,
                revenue,1,us-gaap:Revenues,
                revenue,1,us-gaap:SalesRevenueNet,
                revenue,2,us-gaap:Revenues,
                """);
        System.setProperty(ConceptMap.PROPERTY, table.toString());
        try {
            LoadResult r = Sec.load(Sec.sample("companyfacts/alphabet_two_revenue_tags_companyfacts.json"));
            String f = FolderLoader.displayName(table);
            String errors = Sec.errors(r);
            assertTrue(errors.contains(f + ":2: field 'field': 'revenu' is not an amount field of statements (revenue, operatingIncome"), errors);
            assertTrue(errors.contains(f + ":3: field 'precedence': expected a whole number from 1 (first choice), found 'first'; row ignored"), errors);
            assertTrue(errors.contains(f + ":4: field 'concept': expected namespace:Name, e.g. us-gaap:Revenues, found 'Revenues'; row ignored"), errors);
            assertTrue(errors.contains(f + ":6: field 'precedence': revenue already has a concept of precedence 1 (line 5); row ignored"), errors);
            assertTrue(errors.contains(f + ":7: field 'concept': us-gaap:Revenues is already mapped to revenue; row ignored"), errors);
            assertEquals(5, r.errors().size(), errors);
            // the valid row is used
            assertEquals(usd("36339000000"), Sec.statement(r, "cik-1652044", "2019-01-01", "2019-03-31").revenue());
        } finally {
            System.clearProperty(ConceptMap.PROPERTY);
        }
    }
}
