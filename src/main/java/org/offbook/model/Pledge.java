package org.offbook.model;

import java.math.BigDecimal;

@Doc("Listed shares pledged as security for a loan (ASC 440-10-50-1).")
public record Pledge(
        @Required @Ref @Key @Doc("Who pledges the shares.") String pledgor,
        @Ref @Key @Doc("The lender.") String lender,
        @Required @Ref @Key @Doc("The company whose shares are pledged.") String sharesOf,
        @NonNegative @Doc("Number of shares pledged.") BigDecimal sharesPledged,
        @Share @Doc("Pledged shares as a share of the pledgor's holding, 0 to 1.") BigDecimal shareOfHolding,
        @NonNegative @Doc("Facility size.") Money facility,
        @NonNegative @Doc("Amount drawn.") Money drawn,
        @NonNegative @Doc("Market value of the pledged shares.") Money collateralValue,
        @Doc("What the proceeds fund, in words.") String purpose,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {
}
