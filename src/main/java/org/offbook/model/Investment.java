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
        @OneOf({"completed", "definitive", "non-binding", "letter-of-intent", "reported"})
        @Doc("Legal status: completed (money paid), definitive (signed, binding), non-binding, letter-of-intent (non-binding); "
                + "reported is the old word for a press-only deal whose status is not known, read as not binding: "
                + "write sourceQuality press-reported and the status the report gives instead.") String status,
        @OneOf({"filed", "company-announced", "press-reported", "disputed"})
        @Doc("Where the fact comes from, apart from whether it binds: filed (in a filing), company-announced (a party's own announcement), press-reported (press only), disputed (sources disagree).") String sourceQuality,
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
