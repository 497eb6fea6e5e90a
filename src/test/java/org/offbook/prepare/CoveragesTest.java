package org.offbook.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.InterestCoverage;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Statement;

/** Which period a company's interest coverage is assessed on, and what is beside it. */
class CoveragesTest {

    private static Statement st(String period, String start, String end, String income, String interest, String revenue, String debt) {
        Map<String, Object> v = new java.util.HashMap<>();
        v.put("entity", "acme");
        v.put("period", period);
        v.put("start", start == null ? null : LocalDate.parse(start));
        v.put("end", LocalDate.parse(end));
        v.put("operatingIncome", income == null ? null : Money.parse(income, null));
        v.put("interestExpense", interest == null ? null : Money.parse(interest, null));
        v.put("revenue", revenue == null ? null : Money.parse(revenue, null));
        v.put("totalDebt", debt == null ? null : Money.parse(debt, null));
        v.put("source", "test");
        v.put("provenance", new Provenance("t.json", 1));
        var cs = Statement.class.getRecordComponents();
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            args[i] = v.get(cs[i].getName());
        }
        try {
            return (Statement) Statement.class.getDeclaredConstructors()[0].newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InterestCoverage only(Fact... facts) {
        List<InterestCoverage> all = Coverages.of(new ArrayList<>(List.of(facts)));
        assertEquals(1, all.size(), String.valueOf(all));
        return all.get(0);
    }

    @Test
    void theFiscalYearIsAssessedAndItsQuartersAreTheTrend() {
        InterestCoverage c = only(
                st("Q3 2025", "2025-07-01", "2025-09-30", "USD 51.9M", "USD 310.6M", null, null),
                st("FY2025", "2025-01-01", "2025-12-31", "USD -46M", "USD 1.148B", "USD 5.131B", "USD 21.4B"));
        assertEquals(InterestCoverage.FISCAL_YEAR, c.assessed());
        assertEquals("FY2025", c.label());
        assertEquals(0, new BigDecimal("-0.0400697").compareTo(c.coverage()), c.coverage().toString());
        assertEquals(1, c.quarters().size());
        assertEquals(Money.parse("USD 21.4B", null), c.totalDebt());
        assertTrue(c.isAnnual());
    }

    @Test
    void fourQuartersAfterTheYearMakeTheTrailingTwelveMonths() {
        InterestCoverage c = only(
                st("FY2024", "2024-01-01", "2024-12-31", "USD 400M", "USD 100M", null, null),
                st("Q4 2024", "2024-10-01", "2024-12-31", "USD 100M", "USD 25M", null, null),
                st("Q1 2025", "2025-01-01", "2025-03-31", "USD -10M", "USD 50M", "USD 1B", null),
                st("Q2 2025", "2025-04-01", "2025-06-30", "USD 10M", "USD 50M", "USD 1B", null),
                st("Q3 2025", "2025-07-01", "2025-09-30", "USD 20M", "USD 50M", "USD 1B", null));
        assertEquals(InterestCoverage.TTM, c.assessed());
        assertEquals("the twelve months to 2025-09-30", c.label());
        assertEquals(Money.parse("USD 120M", null), c.operatingIncome());
        assertEquals(Money.parse("USD 175M", null), c.interestExpense());
        assertNull(c.revenue(), "Q4 2024 gives no revenue: the twelve months' revenue is not known");
        assertEquals(3, c.latestRunBelow(BigDecimal.ONE, true), "Q1 to Q3 2025 below 1x, Q4 2024 not");
    }

    @Test
    void aLoneQuarterOnlyWhenNoYearIsNearIt() {
        InterestCoverage c = only(
                st("FY2007", "2007-01-01", "2007-12-31", "USD 50M", "USD 100M", null, null),
                st("Q1 2010", "2010-01-01", "2010-03-31", "USD 30M", "USD 20M", "USD 400M", null),
                st("at 2010-03-31", null, "2010-03-31", null, null, null, "USD 1.2B"));
        assertEquals(InterestCoverage.QUARTER, c.assessed());
        assertEquals("Q1 2010", c.label());
        assertEquals(0, new BigDecimal("0.05").compareTo(c.interestToRevenue()));
        assertEquals(0, new BigDecimal("0.75").compareTo(c.debtToRevenue()), "USD 1.2B of debt against USD 1.6B of revenue a year");
    }

    @Test
    void aConvenienceTranslationIsNotTheReportingCurrency() {
        Statement yen = st("FY2010", "2009-04-01", "2010-03-31", "JPY 29.57B", "JPY 82.5B", null, null);
        Statement usd = st("FY2010 (USD)", "2009-04-01", "2010-03-31", "USD 318M", "USD 887M", null, null);
        Statement bs = st("at 2010-03-31", null, "2010-03-31", null, null, null, "JPY 4500B");
        InterestCoverage c = only(yen, usd, bs, new Entity("acme", "Acme", "company", List.of(), null, null, "6159", null, "t", new Provenance("t.json", 1)));
        assertEquals("JPY", c.currency());
        assertTrue(c.financial());
    }
}
