package org.offbook.model;

import java.util.List;

/**
 * A way one entity supports a vehicle beyond its equity: a residual value guarantee or purchase
 * option on a lease, a guarantee or backstop of its obligations, a management role. Each is a
 * potential variable interest (ASC 810-10-55-39; IFRS 10.B19).
 *
 * @param entity  the supporter
 * @param vehicle the supported entity
 * @param kind    residual-value-guarantee, purchase-option, guarantee, cost-overrun, completion,
 *                lease-backstop, capacity-backstop, construction-manager, property-manager,
 *                operator, developer, sponsor, ...
 * @param description the support in words, with its figures, for explanations
 */
public record Support(String entity, String vehicle, String kind, String description, List<Fact> basis) implements Derived {

    @Override
    public String toString() {
        return description;
    }
}
