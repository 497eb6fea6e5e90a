package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;

@Doc("Money put into an entity: equity, convertible notes, loans, or a commitment to do so.")
public record Investment(
        @Key @Doc("Optional identifier.") String id,
        @Required @Ref @Key @Doc("Who invests.") String investor,
        @Required @Ref @Key @Doc("Who receives the money.") String investee,
        @NonNegative @Doc("Amount invested or committed (up to).") Money amount,
        @OneOf({"equity", "convertible", "loan", "preferred", "other"})
        @Key @Doc("Form of the investment.") String form,
        @Share @Doc("Equity share it buys, 0 to 1.") BigDecimal share,
        @OneOf({"completed", "definitive", "letter-of-intent", "reported"})
        @Doc("completed (money paid), definitive (signed, binding), letter-of-intent (non-binding), reported (press only).") String status,
        @Doc("Conditions or tranching, in words, e.g. \"USD 10B per GW deployed\".") String condition,
        @Key @Doc("Date of the investment or commitment.") LocalDate date,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {

    /** True unless the commitment is a letter of intent or only reported. */
    public boolean isBinding() {
        return status == null || status.equals("completed") || status.equals("definitive");
    }
}
