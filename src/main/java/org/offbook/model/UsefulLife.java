package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;

@Doc("The depreciation life an entity uses for an asset class, and the change, if any.")
public record UsefulLife(
        @Required @Ref @Key @Doc("The entity that depreciates the assets.") String entity,
        @Required @Key @Doc("Asset class, e.g. \"servers\", \"gpu\", \"network\".") String assetClass,
        @Required @NonNegative @Doc("Useful life in years now used.") BigDecimal years,
        @NonNegative @Doc("Useful life in years used before the change.") BigDecimal previousYears,
        @Key @Doc("Date the change took effect.") LocalDate effective,
        @Doc("Reported effect of the change on earnings for its first year.") Money earningsEffect,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {
}
