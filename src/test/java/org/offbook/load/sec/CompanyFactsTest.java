package org.offbook.load.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.offbook.load.sec.Sec.usd;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Entity;
import org.offbook.model.Money;
import org.offbook.model.Restatement;
import org.offbook.model.Statement;
import org.offbook.model.FileStats;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadResult;

/**
 * companyfacts JSON: recognised by content, the SEC's values pinned for real samples (Microsoft's
 * 8-K recast, Alphabet's two revenue concepts), periods told apart by their dates, derived
 * quarters, restatements, currencies, and bad input reported with line and JSON path.
 */
class CompanyFactsTest {

    @TempDir
    Path dir;

    private static final String MSFT = "companyfacts/microsoft_recast_companyfacts.json";
    private static final String GOOGL = "companyfacts/alphabet_two_revenue_tags_companyfacts.json";
    private static final String EXAMPLE = "test-data/example-devices_companyfacts.json";

    @Test
    void microsoftFy2022RevenueIsTheLatestFiledValueWithEveryFilingThatReportedIt() {
        LoadResult r = Sec.load(Sec.sample(MSFT));
        Sec.noErrors(r);
        Entity msft = Sec.only(Sec.entities(r));
        assertEquals("cik-789019", msft.id());
        assertEquals("MICROSOFT CORPORATION", msft.name());
        assertEquals("789019", msft.cik());
        assertEquals("company", msft.kind());

        // a fiscal year ending in June: FY2022 runs from 2021-07-01, whatever fy/fp the filings give
        Statement fy = Sec.statement(r, "cik-789019", "2021-07-01", "2022-06-30");
        assertEquals("FY2022", fy.period());
        assertTrue(fy.isAnnual());
        assertEquals(usd("198270000000"), fy.revenue());
        // four filings reported it (10-K 2022, 10-K 2023, 10-K 2024, the 8-K recast): the latest filed is used
        String file = FolderLoader.displayName(Sec.sample(MSFT));
        assertEquals(file, fy.provenance().file());
        assertEquals(43, fy.provenance().line(), "the line of the 8-K's value");
        assertTrue(fy.source().startsWith("SEC companyfacts: FY2022 (2021-07-01..2022-06-30), CIK0000789019: revenue "
                + "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax USD 198270000000, accn 0000950170-24-132722 (8-K filed 2024-12-03, "
                + "line 43 $.facts.us-gaap.RevenueFromContractWithCustomerExcludingAssessedTax.units.USD[3])"), fy.source());
        assertTrue(fy.source().endsWith("same value in earlier filings: accn 0000950170-24-087843, 0000950170-23-035122, 0001564590-22-026876"),
                fy.source());
        assertEquals(List.of(), Sec.restatements(r), "the recast repeats the same values: no restatement");
    }

    @Test
    void microsoftRemainingPerformanceObligationsAreBalanceSheetFigures() {
        LoadResult r = Sec.load(Sec.sample(MSFT));
        Statement march = Sec.statement(r, "cik-789019", null, "2024-03-31");
        assertEquals("at 2024-03-31", march.period());
        assertNull(march.start());
        assertEquals(usd("242000000000"), march.rpo());
        assertTrue(march.source().contains("accn 0000950170-24-048288 (10-Q filed 2024-04-25"), march.source());
        Statement june = Sec.statement(r, "cik-789019", null, "2024-06-30");
        assertEquals(usd("275000000000"), june.rpo());
        assertEquals(79, june.provenance().line());
        assertTrue(june.source().contains("accn 0000950170-24-132722 (8-K filed 2024-12-03"), june.source());
        assertEquals(3, Sec.statements(r).size());
    }

    @Test
    void alphabetRevenueFollowsThePrecedenceOfTheConceptTable() {
        LoadResult r = Sec.load(Sec.sample(GOOGL));
        Sec.noErrors(r);
        // Q1 2019: both concepts give 36,339M, but from two filings: a period's figures come from its latest filing (the
        // 10-Q of 2020, which tags only the ASC 606 concept), not from an older one that used a concept of higher precedence
        Statement q1 = Sec.statement(r, "cik-1652044", "2019-01-01", "2019-03-31");
        assertEquals(usd("36339000000"), q1.revenue());
        assertTrue(q1.source().contains("revenue us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax USD 36339000000, accn 0001652044-20-000021"),
                q1.source());
        assertTrue(q1.source().contains("us-gaap:Revenues USD 36339000000 in accn 0001652044-19-000015 (10-Q filed 2019-04-30) not used: the period's "
                + "latest filing, accn 0001652044-20-000021 (10-Q filed 2020-04-29), does not report it"), q1.source());
        // no 10-K in the excerpt, so the fiscal year is unknown: quarters are named by their dates
        assertEquals("3M to 2019-03-31", q1.period());
        // Q3 2019: only the ASC 606 concept
        Statement q3 = Sec.statement(r, "cik-1652044", "2019-07-01", "2019-09-30");
        assertEquals(usd("40499000000"), q3.revenue());
        assertTrue(q3.source().contains("revenue us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax USD 40499000000, accn 0001652044-20-000050"),
                q3.source());
        // Q2 2025: reported by two 10-Qs, the later one is used
        Statement q2 = Sec.statement(r, "cik-1652044", "2025-04-01", "2025-06-30");
        assertEquals(usd("96428000000"), q2.revenue());
        assertTrue(q2.source().contains("accn 0001652044-26-000071 (10-Q filed 2026-07-23"), q2.source());
        assertEquals(3, Sec.statements(r).size());
    }

    @Test
    void periodsComeFromTheDatesWithYearToDateFiguresTurnedIntoDerivedQuarters() {
        LoadResult r = Sec.load(Sec.sample(EXAMPLE));
        Sec.noErrors(r);
        String e = "cik-9999002";
        // 52/53-week fiscal year ending in September (known from the 10-K)
        Statement q1 = Sec.statement(r, e, "2023-10-01", "2023-12-30");
        assertEquals("Q1 FY2024", q1.period());
        assertEquals(usd("100000000"), q1.revenue());
        assertEquals(usd("10000000"), q1.capex(), "a first quarter is its own year to date");
        Statement q2 = Sec.statement(r, e, "2023-12-31", "2024-03-30");
        assertEquals("Q2 FY2024", q2.period());
        assertEquals(usd("80000000"), q2.revenue(), "reported for the quarter");
        assertEquals(usd("15000000"), q2.capex(), "6 months less the first quarter");
        assertTrue(q2.source().contains("capex us-gaap:PaymentsToAcquirePropertyPlantAndEquipment USD 15000000 derived from year-to-date figures: "
                + "6M to 2024-03-30 USD 25000000 accn 0009999002-24-000002"), q2.source());
        assertFalse(q2.source().contains("revenue us-gaap:Revenues USD 80000000 derived"), "a reported quarter is not derived");
        Statement q3 = Sec.statement(r, e, "2024-03-31", "2024-06-29");
        assertEquals("Q3 FY2024", q3.period());
        assertEquals(usd("20000000"), q3.capex());
        Statement q4 = Sec.statement(r, e, "2024-06-30", "2024-09-28");
        assertEquals("Q4 FY2024", q4.period());
        assertEquals(usd("80000000"), q4.revenue(), "the fiscal year less nine months");
        assertEquals(usd("25000000"), q4.capex());
        assertTrue(q4.source().contains("revenue us-gaap:Revenues USD 80000000 derived from year-to-date figures: FY2024 USD 330000000 "
                + "accn 0009999002-24-000004 (10-K filed 2024-11-01, line 162"), q4.source());
        Statement fy = Sec.statement(r, e, "2023-10-01", "2024-09-28");
        assertEquals("FY2024", fy.period());
        assertEquals(usd("330000000"), fy.revenue());
        assertEquals(usd("70000000"), fy.capex());
        // year-to-date figures and the trailing twelve months to March are used, not emitted
        for (Statement s : Sec.statements(r)) {
            Periods.Kind kind = Periods.kind(s.start(), s.end());
            assertTrue(kind == Periods.Kind.INSTANT || kind == Periods.Kind.QUARTER || kind == Periods.Kind.YEAR, s.period() + " " + kind);
            assertFalse(s.isAnnual() && s.end().equals(LocalDate.of(2024, 3, 30)), "trailing twelve months are no fiscal year");
        }
    }

    @Test
    void precedenceNegativeValuesAndOtherCurrencies() {
        LoadResult r = Sec.load(Sec.sample(EXAMPLE));
        String e = "cik-9999002";
        Statement q1 = Sec.statement(r, e, "2023-10-01", "2023-12-30");
        assertEquals(usd("4000000"), q1.interestExpense(), "InterestExpense is negative, so the next concept is used");
        assertTrue(q1.source().contains("interestExpense: us-gaap:InterestExpense USD -5000000 not used: negative"), q1.source());
        Statement yearEnd = Sec.statements(r).stream()
                .filter(s -> s.end().equals(LocalDate.of(2024, 9, 28)) && s.start() == null && s.currency().equals("USD")).findFirst().orElseThrow();
        assertEquals(usd("500000000"), yearEnd.totalDebt(), "LongTermDebt before LongTermDebtNoncurrent");
        assertEquals(usd("20000000"), yearEnd.operatingLeaseLiabilities());
        assertNull(yearEnd.financeLeaseLiabilities(), "the EUR figure is not put in the USD statement");
        Statement june = Sec.statement(r, e, null, "2024-06-29");
        assertEquals(usd("440000000"), june.totalDebt(), "only the non-current part was tagged");
        Statement eur = Sec.statements(r).stream().filter(s -> s.currency().equals("EUR")).findFirst().orElseThrow();
        assertEquals("at 2024-09-28 (EUR)", eur.period());
        assertEquals(Money.of("30000000", "EUR"), eur.operatingLeaseLiabilities());
        assertEquals(Money.of("7000000", "EUR"), eur.financeLeaseLiabilities());
        // dei, srt, ifrs-full (empty), the company's own namespace and non-money units are not read
        assertTrue(Sec.statements(r).stream().noneMatch(s -> s.revenue() != null && s.revenue().amount().compareTo(new BigDecimal("999")) == 0));
        assertEquals(11, r.factsLoaded());
    }

    @Test
    void aRestatedFigureUsesTheLatestFilingAndKeepsTheEarlierAsEvidence() {
        LoadResult r = Sec.load(Sec.sample(EXAMPLE));
        Statement fy23 = Sec.statement(r, "cik-9999002", "2022-10-02", "2023-09-30");
        assertEquals(usd("303000000"), fy23.revenue());
        assertTrue(fy23.source().contains("earlier reported differently: USD 300000000 in accn 0009999002-23-000004 (10-K filed 2023-11-01)"),
                fy23.source());
        Restatement re = Sec.only(Sec.restatements(r));
        assertEquals("us-gaap:Revenues", re.concept());
        assertEquals("revenue", re.field());
        assertEquals("FY2023", re.period());
        assertEquals(usd("300000000"), re.previous());
        assertEquals("0009999002-23-000004", re.previousAccn());
        assertEquals(usd("303000000"), re.current());
        assertEquals("0009999002-24-000004", re.currentAccn());
        assertEquals(0, new BigDecimal("0.01").compareTo(re.getChange()));
        assertEquals(152, re.provenance().line());
    }

    @Test
    void cikAsNumberOrZeroPaddedTextAndRecognitionByContent() {
        String doc = TestFiles.read(Sec.sample(MSFT)).replace("\"cik\": 789019", "\"cik\": \"0000789019\"");
        assertTrue(doc.contains("\"0000789019\""));
        // any name, any folder: recognised by its content
        TestFiles.write(dir, "deep/inside/whatever.json", doc);
        LoadResult r = Sec.load(dir);
        Sec.noErrors(r);
        assertEquals("789019", Sec.only(Sec.entities(r)).cik());
        assertEquals(usd("198270000000"), Sec.statement(r, "cik-789019", "2021-07-01", "2022-06-30").revenue());
        assertEquals(1, r.files().size());
        FileStats stats = r.files().get(0);
        assertEquals("json", stats.format());
        assertEquals(4, stats.read());
        assertEquals(4, stats.loaded());
    }

    @Test
    void truncatedCompanyFactsIsReportedWithItsLineAndNotLoaded() throws Exception {
        String doc = TestFiles.read(Sec.sample(MSFT));
        TestFiles.write(dir, "truncated.json", doc.substring(0, doc.indexOf("\"accn\": \"0000950170-24-048288\"")));
        TestFiles.write(dir, "good.json", TestFiles.read(Sec.sample(GOOGL)));
        LoadResult r = Sec.load(dir);
        String errors = Sec.errors(r);
        assertEquals(1, r.errors().size(), errors);
        String file = FolderLoader.displayName(dir.resolve("truncated.json"));
        assertTrue(errors.startsWith(file + ":61:1: malformed companyfacts JSON: Unexpected end-of-input"), errors);
        assertTrue(errors.endsWith("; file not loaded"), errors);
        assertTrue(Sec.entities(r).stream().noneMatch(x -> x.cik().equals("789019")), "nothing of the truncated file is used");
        assertEquals(3, Sec.statements(r).size(), "the other file is still loaded");
        assertTrue(Files.size(dir.resolve("truncated.json")) > 0);
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithItsLineAndJsonPathAndTheRestIsLoaded() {
        String doc = TestFiles.read(Sec.sample(MSFT)).replace("\"val\": 242000000000,", "\"val\": \"242 bn\",");
        TestFiles.write(dir, "msft.json", doc);
        LoadResult r = Sec.load(dir);
        String file = FolderLoader.displayName(dir.resolve("msft.json"));
        assertEquals(file + ":60:8: field 'val': expected a number, found text '242 bn' "
                + "(at $.facts.us-gaap.RevenueRemainingPerformanceObligation.units.USD[0]); value not used", Sec.errors(r));
        assertEquals(2, Sec.statements(r).size(), "FY2022 revenue and June RPO still loaded");
    }

    @Test
    void otherProblemsOfAValueNameTheFieldAndPath() {
        String doc = TestFiles.read(Sec.sample(GOOGL))
                .replace("\"end\": \"2019-03-31\",\n\"val\": 36339000000,\n\"accn\": \"0001652044-19-000015\"",
                        "\"end\": \"2019-03-32\",\n\"val\": 36339000000,\n\"accn\": \"0001652044-19-000015\"")
                .replace("\"accn\": \"0001652044-25-000062\"", "\"accn\": \"25-62\"");
        TestFiles.write(dir, "googl.json", doc);
        LoadResult r = Sec.load(dir);
        String errors = Sec.errors(r);
        assertTrue(errors.contains(":10: field 'end': expected a date like 2024-06-30, found '2019-03-32' (at $.facts.us-gaap.Revenues.units.USD[0]); "
                + "value not used"), errors);
        assertTrue(errors.contains(":21: field 'accn': not an accession number: '25-62' (expected e.g. 0000950170-24-087843; at "
                + "$.facts.us-gaap.Revenues.units.USD[1]); value not used"), errors);
        // the same bad date in the second concept
        assertTrue(errors.contains(":49: field 'end': expected a date like 2024-06-30, found '2019-03-32' "
                + "(at $.facts.us-gaap.RevenueFromContractWithCustomerExcludingAssessedTax.units.USD[0]); value not used"), errors);
        assertEquals(3, r.errors().size(), errors);
        assertEquals(4, Sec.statements(r).size() + Sec.entities(r).size(), "the other values are loaded");
    }

    @Test
    void aBadCikRejectsTheFile() {
        TestFiles.write(dir, "cf.json", "{\"cik\": \"abc\", \"entityName\": null, \"facts\": {}}");
        LoadResult r = Sec.load(dir);
        assertEquals(FolderLoader.displayName(dir.resolve("cf.json")) + ":1:9: field 'cik': not a CIK: text 'abc' "
                + "(expected a number, or up to 10 digits as text); file not loaded", Sec.errors(r));
    }

    @Test
    void anOffbookDocumentIsNotTakenForCompanyFacts() {
        TestFiles.write(dir, "entities.json", "{\"source\": \"t\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}]}");
        TestFiles.write(dir, "odd.json", "{\"cik\": 1, \"facts\": [], \"entities\": []}");
        LoadResult r = Sec.load(dir);
        // odd.json has no facts object: it is an offbook document with unknown keys
        assertTrue(Sec.errors(r).contains("odd.json:1: field 'cik': unknown top-level key"), Sec.errors(r));
        assertEquals(1, Sec.entities(r).size());
    }
}
