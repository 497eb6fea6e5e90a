package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A company's interest coverage prepared for the COVER rules (one per entity): the period assessed
 * and the periods beside it, computed once in Java so that no rule joins every statement against
 * every other ({@code org.offbook.prepare.Coverages}).
 *
 * <p>The period assessed ({@code assessed}) is the latest fiscal year, or the trailing twelve months
 * when four consecutive quarters after it are known; only when the data hold no fiscal year within
 * a year of the latest quarter is that quarter assessed alone ({@code assessed} "quarter"). The
 * quarters ({@code quarters}) and fiscal years ({@code years}) are the trend beside it, oldest
 * first. Figures are in the company's reporting currency only: a convenience translation reported
 * beside it is not assessed a second time.
 */
public record InterestCoverage(
        String entity,
        String currency,
        /* "fiscal year", "trailing twelve months" or "quarter" */
        String assessed,
        /* the period assessed, for people: "FY2025", "12 months to 2025-09-30", "Q1 FY2010" */
        String label,
        LocalDate start,
        LocalDate end,
        Money operatingIncome,
        Money interestExpense,
        /* null when the period's revenue is not known */
        Money revenue,
        /* null when the period's depreciation and amortisation are not known */
        Money depreciation,
        /* operating income / interest expense */
        BigDecimal coverage,
        /* (operating income + depreciation and amortisation) / interest expense; null without depreciation */
        BigDecimal ebitdaCoverage,
        /* interest expense / revenue; null without revenue */
        BigDecimal interestToRevenue,
        /* debt at the end of the period assessed (else the latest balance-sheet date before it); null when not known */
        Money totalDebt,
        /* that debt / the period's revenue made annual (times 12 / its months); null without either */
        BigDecimal debtToRevenue,
        /* the entity's SIC code is 6000-6499: bank, insurer, finance company or lessor */
        boolean financial,
        /* the company's SIC code, or null */
        String sic,
        List<PeriodCoverage> years,
        List<PeriodCoverage> quarters,
        /* the statements of the period assessed and the company: the evidence */
        List<Fact> basis) implements Derived {

    public static final String FISCAL_YEAR = "fiscal year";
    public static final String TTM = "trailing twelve months";
    public static final String QUARTER = "quarter";

    /** True when the period assessed is a year (a fiscal year or the trailing twelve months). */
    public boolean isAnnual() {
        return !assessed.equals(QUARTER);
    }

    /** The periods of the trend, for people: "Q2 2025 0.07x, Q3 2025 0.17x" (the last {@code max} quarters). */
    public String trend(int max) {
        List<PeriodCoverage> q = quarters.subList(Math.max(0, quarters.size() - max), quarters.size());
        StringBuilder sb = new StringBuilder();
        for (PeriodCoverage p : q) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(p.label()).append(' ').append(Numbers.multiple(p.coverage()));
        }
        return sb.toString();
    }

    /**
     * How many of the latest periods in a row, of the quarters ({@code quarterly}) or of the fiscal
     * years, are below {@code min}, each starting the day after the one before it ends.
     */
    public int latestRunBelow(BigDecimal min, boolean quarterly) {
        List<PeriodCoverage> series = quarterly ? quarters : years;
        int run = 0;
        PeriodCoverage next = null;
        for (int i = series.size() - 1; i >= 0; i--) {
            PeriodCoverage p = series.get(i);
            if (p.coverage().compareTo(min) >= 0 || (next != null && !next.start().equals(p.end().plusDays(1)))) {
                break;
            }
            run++;
            next = p;
        }
        return run;
    }

    /** One period's coverage in the trend. */
    public record PeriodCoverage(String label, LocalDate start, LocalDate end, Money operatingIncome, Money interestExpense, BigDecimal coverage) {
    }
}
