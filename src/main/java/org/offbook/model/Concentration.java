package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;

@Doc("One customer's share of an entity's revenue, remaining performance obligations or receivables.")
public record Concentration(
        @Required @Ref @Key @Doc("The reporting entity.") String entity,
        @Required @Ref @Key @Doc("The customer (entities under common control count as one).") String customer,
        @Required @Key @OneOf({"revenue", "rpo", "backlog", "receivables"})
        @Doc("What the share is of.") String basis,
        @Required @Share @Doc("The customer's share, 0 to 1.") BigDecimal share,
        @Key @Doc("A label for the period, e.g. \"FY2024\".") String period,
        @Doc("First day of the period.") LocalDate start,
        @Key @Doc("Last day of the period.") LocalDate end,
        String source,
        Provenance provenance) implements Fact {
}
