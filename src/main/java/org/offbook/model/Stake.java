package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;

@Doc("An ownership interest of one entity in another.")
public record Stake(
        @Required @Ref @Key @Doc("The owner.") String holder,
        @Required @Ref @Key @Doc("The entity owned.") String entity,
        @Required @Share @Doc("Share of the equity held, 0 to 1 (or \"20%\").") BigDecimal share,
        @OneOf({"consolidated", "equity-method", "non-marketable", "fair-value", "cost", "not-booked", "unknown"})
        @Doc("How the holder books the interest.") String booking,
        @Doc("Date the share applies to.") LocalDate asOf,
        @NonNegative @Doc("Carrying value of the interest.") Money carryingValue,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {
}
