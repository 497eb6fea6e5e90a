package org.offbook.model;

import java.math.BigDecimal;

@Doc("Warrants or options on a company's shares that it grants to a holder, e.g. vesting as the holder buys.")
public record Warrant(
        @Required @Ref @Key @Doc("The company whose shares the warrants are on (it grants them).") String grantor,
        @Required @Ref @Key @Doc("Who holds the warrants.") String holder,
        @NonNegative @Doc("Number of shares.") BigDecimal shares,
        @Share @Doc("Share of the grantor's equity if fully vested, 0 to 1.") BigDecimal share,
        @NonNegative @Doc("Exercise price per share.") Money exercisePrice,
        @Doc("Vesting conditions, in words.") String vesting,
        @Doc("Whether vesting is tied to the holder's purchases from the grantor.") Boolean purchaseLinked,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {
}
