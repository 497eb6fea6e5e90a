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
        @OneOf({"completed", "definitive", "non-binding", "letter-of-intent", "reported"})
        @Doc("Legal status: completed, definitive (signed, binding), non-binding, letter-of-intent (non-binding); "
                + "reported is the old word for a press-only deal whose status is not known, read as not binding: "
                + "write sourceQuality press-reported and the status the report gives instead.") String status,
        @OneOf({"filed", "company-announced", "press-reported", "disputed"})
        @Doc("Where the fact comes from, apart from whether it binds: filed (in a filing), company-announced (a party's own announcement), press-reported (press only), disputed (sources disagree).") String sourceQuality,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {

    public boolean isBinding() {
        return status == null || status.equals("completed") || status.equals("definitive");
    }
}
