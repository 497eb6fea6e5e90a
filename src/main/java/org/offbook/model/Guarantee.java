package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;

@Doc("A guarantee or backstop: the guarantor pays if the obligor does not.")
public record Guarantee(
        @Key @Doc("Optional identifier.") String id,
        @Required @Ref @Key @Doc("Who gives the guarantee.") String guarantor,
        @Required @Ref @Key @Doc("Whose obligation is guaranteed.") String obligor,
        @Ref @Key @Doc("Who benefits: the creditor or counterparty.") String beneficiary,
        @OneOf({"guarantee", "lease-backstop", "residual-value", "cost-overrun", "completion", "keepwell", "other"})
        @Doc("Form of the support.") String kind,
        @NonNegative @Doc("Maximum potential payments (ASC 460-10-50-4).") Money maxExposure,
        @NonNegative @Doc("Term in years.") BigDecimal termYears,
        @Key @Doc("Start date.") LocalDate start,
        @Doc("End date.") LocalDate end,
        @Doc("What the guarantor received for it, in words, e.g. \"warrants for ~14% of TeraWulf\".") String consideration,
        @Share @Doc("Equity share received for it (warrants or shares), 0 to 1.") BigDecimal considerationShare,
        @Ref @Doc("The entity whose equity was received.") String considerationIssuer,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {
}
