package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;

@Doc("A supply or purchase contract: the buyer buys goods or services from the seller.")
public record Contract(
        @Key @Doc("Optional identifier.") String id,
        @Required @Ref @Key @Doc("Who buys.") String buyer,
        @Required @Ref @Key @Doc("Who sells.") String seller,
        @Key @Doc("What is bought, e.g. \"gpus\", \"cloud-capacity\", \"data-centre-lease\".") String what,
        @NonNegative @Doc("Contract value.") Money amount,
        @NonNegative @Doc("Term in years.") BigDecimal termYears,
        @Doc("Start date.") LocalDate start,
        @Doc("End date.") LocalDate end,
        @OneOf({"completed", "definitive", "letter-of-intent", "reported"})
        @Doc("completed, definitive (binding), letter-of-intent (non-binding), reported (press only).") String status,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {

    public boolean isBinding() {
        return status == null || status.equals("completed") || status.equals("definitive");
    }
}
