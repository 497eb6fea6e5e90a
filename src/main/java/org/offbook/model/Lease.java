package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;

@Doc("A lease: lessee, lessor, the asset and the terms that decide its accounting under ASC 842 / IFRS 16.")
public record Lease(
        @Key @Doc("Optional identifier.") String id,
        @Required @Ref @Key @Doc("The tenant.") String lessee,
        @Required @Ref @Key @Doc("The owner of the asset.") String lessor,
        @Key @Doc("The asset, in words, e.g. \"Hyperion data centre campus\".") String asset,
        @OneOf({"data-centre", "gpu", "servers", "building", "land", "power", "equipment", "other"})
        @Doc("Asset class.") String assetKind,
        @NonNegative @Doc("Fair value or cost of the asset.") Money assetCost,
        @NonNegative @Doc("Economic life of the asset in years.") BigDecimal assetLifeYears,
        @NonNegative @Doc("Non-cancellable term in years (initial term).") BigDecimal termYears,
        @NonNegative @Doc("Renewal options in years, in total.") BigDecimal renewalYears,
        @Doc("Whether renewals are reasonably certain to be exercised (ASC 842-10-30-1).") Boolean renewalReasonablyCertain,
        @Doc("Whether the lessee has an option to buy the asset.") Boolean purchaseOption,
        @Doc("Whether that purchase option is reasonably certain to be exercised.") Boolean purchaseOptionReasonablyCertain,
        @Doc("Whether the lessee guarantees the asset's residual value.") Boolean residualValueGuarantee,
        @NonNegative @Doc("Cap of the residual value guarantee, if disclosed.") Money rvgAmount,
        @NonNegative @Doc("Years of lease the residual value guarantee covers.") BigDecimal rvgYears,
        @NonNegative @Doc("Present value of lease payments.") Money pvPayments,
        @NonNegative @Doc("Total lease payments over the non-cancellable term.") Money totalPayments,
        @OneOf({"operating", "finance", "not-booked", "unknown"})
        @Doc("How the lessee books the lease.") String booking,
        @Key @Doc("Commencement date.") LocalDate start,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {

    /** Non-cancellable term as a share of the asset's economic life; null when either is unknown. */
    public BigDecimal getTermToLife() {
        if (termYears == null || assetLifeYears == null || assetLifeYears.signum() == 0) {
            return null;
        }
        return termYears.divide(assetLifeYears, 4, java.math.RoundingMode.HALF_UP);
    }

    /** Years the residual value guarantee covers, as a multiple of the non-cancellable term; null when unknown. */
    public BigDecimal getRvgYearsToTerm() {
        return Years.ratio(rvgYears, termYears);
    }

    /** Present value of payments as a share of the asset's fair value; null when unknown. */
    public BigDecimal getPvToValue() {
        return pvPayments == null ? null : pvPayments.ratio(assetCost);
    }
}
