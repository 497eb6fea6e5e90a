package org.offbook.model;

import java.time.LocalDate;

@Doc("A capacity backstop: the backer commits to buy whatever capacity the provider does not sell (ASC 440-10-50-2).")
public record Backstop(
        @Key @Doc("Optional identifier.") String id,
        @Required @Ref @Key @Doc("Who commits to buy the unsold capacity.") String backer,
        @Required @Ref @Key @Doc("Whose capacity is backstopped.") String provider,
        @Doc("What capacity, e.g. \"cloud-capacity\".") String what,
        @NonNegative @Doc("Maximum amount committed.") Money amount,
        @Doc("Start date.") LocalDate start,
        @Doc("End date of the commitment.") LocalDate end,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {
}
