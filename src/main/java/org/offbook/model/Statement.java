package org.offbook.model;

import java.time.LocalDate;

@Doc("Reported figures of one entity for one period: a filing's income statement, balance sheet and notes.")
public record Statement(
        @Required @Ref @Key @Doc("The reporting entity.") String entity,
        @Key @Doc("A label for the period, e.g. \"FY2025\" or \"Q3 2025\".") String period,
        @Doc("First day of the period (duration figures); omit for a balance-sheet-only statement.") LocalDate start,
        @Required @Key @Doc("Last day of the period, or the balance-sheet date.") LocalDate end,
        @Doc("Currency of amounts written without a currency code.") String currency,
        @Doc("Revenue for the period.") Money revenue,
        @Doc("Operating income (negative for a loss).") Money operatingIncome,
        @NonNegative @Doc("Interest expense for the period.") Money interestExpense,
        @Doc("Net income (negative for a loss).") Money netIncome,
        @NonNegative @Doc("Total debt at period end.") Money totalDebt,
        @Doc("Total equity at period end (equity at risk, for a vehicle).") Money equity,
        @NonNegative @Doc("Operating lease liabilities at period end.") Money operatingLeaseLiabilities,
        @NonNegative @Doc("Finance lease liabilities at period end.") Money financeLeaseLiabilities,
        @NonNegative @Doc("Leases signed but not yet commenced (disclosed, not on the balance sheet).") Money leasesNotCommenced,
        @NonNegative @Doc("Capital expenditure for the period.") Money capex,
        @NonNegative @Doc("Remaining performance obligations (ASC 606-10-50-13) at period end.") Money rpo,
        @NonNegative @Doc("Maximum exposure to loss from unconsolidated VIEs, as the entity reports it.") Money vieMaximumExposure,
        @NonNegative @Doc("Unrecorded unconditional purchase obligations (ASC 440-10-50-2) at period end.") Money purchaseObligations,
        @NonNegative @Doc("Depreciation and amortisation for the period (EBITDA = operating income + this).") Money depreciationAmortization,
        @NonNegative @Doc("Cash and cash equivalents at period end (liquidity).") Money cash,
        String source,
        Provenance provenance) implements Fact {

    /**
     * Months the period covers, rounded from its days so that 52/53-week periods count right (a
     * 13-week quarter is 3 months, a 52-week year 12); null for a balance-sheet-only statement.
     */
    public Integer getMonths() {
        if (start == null) {
            return null;
        }
        long days = end.toEpochDay() - start.toEpochDay() + 1; // rules ask for this often: plain arithmetic
        return (int) Math.round(days / 30.4375);
    }

    /** True for a period of about a year (11 to 13 months), the base for annual ratios. */
    public boolean isAnnual() {
        Integer m = getMonths();
        return m != null && m >= 11 && m <= 13;
    }

    /** Equity as a share of equity plus debt (equity at risk); null when either is missing. */
    public java.math.BigDecimal getEquityToFunding() {
        if (equity == null || totalDebt == null || !equity.sameCurrency(totalDebt)) {
            return null;
        }
        return equity.ratio(equity.plus(totalDebt));
    }
}
