package org.offbook.prepare.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.offbook.model.Money;
import org.offbook.model.Provenance;

/**
 * The credit view of one company (docs/credit.md): its reported debt, each adjustment with its
 * tier and evidence, the adjusted debt and the ratios where the figures allow, the figures that
 * are missing, and the network around it (obligations, recycled revenue, cycles, timeline).
 */
public record Credit(String entity, String name, Money reportedDebt, LocalDate asOf, String reportedBasis, List<Provenance> reportedEvidence,
                     List<Adjustment> adjustments, Money adjustedDebt, Money adjustedDebtIfCalled, boolean complete,
                     Earnings earnings, BigDecimal debtToEbitda, BigDecimal ebitdaToInterest, BigDecimal ebitToInterest,
                     List<String> missing, Obligations obligations, List<Recycled> recycled, List<CycleView> cycles) {

    /** Lease liabilities already on the balance sheet, added as debt (the agencies treat them as debt). */
    public static final String RECOGNISED = "recognised";
    /** Vehicle debt where the company is likely the primary beneficiary. */
    public static final String CONSOLIDATE = "consolidate";
    /** Guarantee caps, backstops, called purchase commitments: added when the call is probable. */
    public static final String PROBABLE = "add when probable";
    /** Shown, never added: leases not yet commenced, purchase commitments, non-binding commitments, reported exposure. */
    public static final String MEMO = "memo";

    /** One adjustment: its tier, what it is, the amount (null when not given, then named in missing), why, the evidence. */
    public record Adjustment(String tier, String kind, Money amount, String description, List<Provenance> evidence) {
    }

    /** EBITDA = operating income + depreciation and amortisation, for one annual period; null parts are named as missing. */
    public record Earnings(String period, LocalDate end, Money operatingIncome, Money depreciation, Money ebitda, Money interest,
                           List<Provenance> evidence) {
    }

    /** One binding (or apart: non-binding, press-reported) obligation the company owes. */
    public record Obligation(String kind, String counterparty, Money amount, String status, Integer firstYear, Integer years,
                             String description, List<Provenance> evidence) {
    }

    /** What the company owes against its revenue and committed funding. */
    public record Obligations(List<Obligation> binding, List<Obligation> apart, Money bindingTotal, Money apartTotal,
                              Money revenue, String revenuePeriod, BigDecimal bindingToRevenue, Money committedFunding,
                              List<YearAmount> byYear, List<String> missing) {
    }

    /** An amount falling in one year (spread straight-line over a contract's term: an assumption, named as such). */
    public record YearAmount(int year, Money amount) {
    }

    /**
     * A supplier that funds its own customer: the funding (binding; letters of intent apart) against
     * the customer's purchases from it, and the share when both are known.
     */
    public record Recycled(String supplier, String customer, Money funding, Money fundingNotBinding, Money purchases, BigDecimal share,
                           String description, List<Provenance> evidence) {
    }

    /** A cycle through the company: every link with its amount, and the bottleneck (the most that can travel the loop). */
    public record CycleView(List<String> entities, String path, Money bottleneck, boolean binding, List<Provenance> evidence) {
    }

    /** Ratios: two decimals, half-up; null when a figure is missing or the divisor is not positive. */
    static BigDecimal ratio(Money a, Money b) {
        if (a == null || b == null || !a.sameCurrency(b) || b.amount().signum() <= 0) {
            return null;
        }
        return a.amount().divide(b.amount(), 2, RoundingMode.HALF_UP);
    }
}
