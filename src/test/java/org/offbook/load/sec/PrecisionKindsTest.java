package org.offbook.load.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.load.LoadResult;
import org.offbook.model.Entity;
import org.offbook.model.Finding;
import org.offbook.model.Statement;
import org.offbook.pipeline.Check;
import org.offbook.reports.Report;

/**
 * The kinds of noise issue 18 found in the SEC's 2010 Q2 data set, each on rows copied unchanged
 * from that data set (src/test/resources/sec/fsds-2010q2-kinds/, README there): what is read, and
 * what COVER-001 and SEC-002 then report.
 */
class PrecisionKindsTest {

    @TempDir
    Path dir;

    private static Path kind(String name) {
        return Sec.sample("fsds-2010q2-kinds/" + name);
    }

    private Report check(String kind) {
        TestFiles.copyTree(kind(kind), dir.resolve("sec/2010q2"));
        Report report = Check.run(new Check.Options(List.of(dir), List.of(TestFiles.project("rules"))));
        assertEquals(List.of(), report.errors());
        return report;
    }

    private static List<Finding> findings(Report r, String rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void operatingIncomePresentedBelowInterestIsNotUsed() {
        // Boston Properties (a REIT, SIC 6798) tags "income before income from unconsolidated joint ventures", shown
        // below its interest expense, as us-gaap:OperatingIncomeLoss
        LoadResult r = Sec.load(kind("presented-after-interest"));
        Sec.noErrors(r);
        Statement q1 = Sec.statement(r, "cik-1037540", "2010-01-01", "2010-03-31");
        assertNull(q1.operatingIncome());
        assertEquals(Sec.usd("92029000"), q1.interestExpense());
        assertTrue(q1.source().contains("operatingIncome: us-gaap:OperatingIncomeLoss USD 52832000 not used: presented after interest expense "
                + "(income statement line 22, below us-gaap:InterestExpense at line 16)"), q1.source());
        assertEquals("6798", Sec.entities(r).get(0).sic());
        assertEquals(List.of(), findings(check("presented-after-interest"), "COVER-001"));
    }

    @Test
    void aFinanceCompanyIsLeftOutAndItsConvenienceTranslationIsNotASecondCompany() {
        // ORIX (SIC 6159, a leasing and finance company) files its 20-F in yen with a dollar convenience translation
        LoadResult r = Sec.load(kind("finance-company-convenience-translation"));
        Sec.noErrors(r);
        Entity orix = Sec.only(Sec.entities(r));
        assertEquals("6159", orix.sic());
        assertTrue(orix.isFinancial());
        assertTrue(Sec.statements(r).stream().anyMatch(s -> s.interestExpense() != null && s.interestExpense().currency().equals("USD")),
                "the USD translation is read as statements of their own");
        Report report = check("finance-company-convenience-translation");
        assertEquals(List.of(), findings(report, "COVER-001"));
        assertEquals(List.of(), findings(report, "COVER-002"));
    }

    @Test
    void interestImmaterialToRevenueIsNotReported() {
        // TiVo: USD 2,000 of interest on USD 61M of revenue in the quarter to April 2010, against an operating loss
        LoadResult r = Sec.load(kind("immaterial-interest"));
        Statement q = Sec.statement(r, "cik-1088825", "2010-02-01", "2010-04-30");
        assertEquals(Sec.usd("2000"), q.interestExpense());
        assertEquals(List.of(), findings(check("immaterial-interest"), "COVER-001"));
    }

    @Test
    void consolidatedFiguresTaggedWithTheParentCompanyMemberAreUsed() {
        // Consolidated Edison tags its consolidated figures LegalEntity=ParentCompany (coreg ParentCompany) and gives no
        // undimensioned value; its subsidiary CECONY's figures (another co-registrant) are not used
        LoadResult r = Sec.load(kind("parent-company-member"));
        Sec.noErrors(r);
        Statement q1 = Sec.statement(r, "cik-1047862", "2010-01-01", "2010-03-31");
        assertNotNull(q1.revenue());
        assertNotNull(q1.operatingIncome());
        assertNotNull(q1.interestExpense());
        assertTrue(q1.source().contains("tagged LegalEntity=ParentCompany"), q1.source());
    }

    @Test
    void theLatestFiscalYearIsAssessedWithTheQuartersBesideIt() {
        // Liberty Global: its 8-K recasts FY2007-FY2009 (FY2009 coverage 1.15x); its 10-Q shows Q1 2010 at 0.88x.
        // The year is assessed and covered: no COVER-001 finding on the quarter alone
        Report report = check("annual-assessed-quarter-beside");
        assertEquals(List.of(), findings(report, "COVER-001"));
    }

    @Test
    void figuresOfOtherFormsAreNotUsedAndSaySo() {
        // Teva's 6-K (a furnished press release of quarterly results) is not a financial-statement form
        LoadResult r = Sec.load(kind("other-form"));
        Sec.noErrors(r);
        assertEquals(List.of(), Sec.statements(r));
    }

    @Test
    void aPeriodTakesItsFiguresFromItsLatestFilingOnly() {
        // Kimberly-Clark's rows with the 10-Q/A's interest for Q1 2010 removed: the unscaled USD 61 of the original
        // 10-Q is not mixed into the figures the 10-Q/A reports for the quarter
        LoadResult r = Sec.load(kind("one-vintage"));
        Statement q1 = Sec.statement(r, "cik-55785", "2010-01-01", "2010-03-31");
        assertEquals(Sec.usd("665000000"), q1.operatingIncome());
        assertNull(q1.interestExpense());
        assertTrue(q1.source().contains("us-gaap:InterestExpense USD 61 in accn 0000055785-10-000019 (10-Q filed 2010-05-07) not used: "
                + "the period's latest filing, accn 0000055785-10-000026 (10-Q/A filed 2010-05-14), does not report it"), q1.source());
    }

    @Test
    void aScaleCorrectionIsOneFindingForThePairOfFilings() {
        Report report = check("../fsds-2010q2-kmb");
        assertEquals(List.of(), findings(report, "SEC-001"));
        List<Finding> scale = findings(report, "SEC-002");
        assertEquals(1, scale.size(), String.valueOf(scale));
        Finding f = scale.get(0);
        assertTrue(f.explanation().contains("had tagged a million times too small"), f.explanation());
    }
}
