package org.offbook.model;

import java.util.List;

/**
 * Money or ownership that returns to where it started, through a chain of links (computed in Java
 * from the facts; see {@code org.offbook.prepare.graph}). The cycle starts at its {@code origin}: the entity
 * that funds the next one and is paid by the last one, when there is such an entity.
 *
 * @param entities       the entities in order, origin first (the cycle returns to it)
 * @param length         the number of links
 * @param binding        true when every step rests on at least one binding fact
 * @param path           the cycle in words, each step with its links, amounts and status
 * @param smallestAmount the smallest step amount when every step has one in a single currency, else null
 * @param kinds          the kinds of link in the cycle (investment, stake, purchase, lease, loan, ...)
 * @param basis          every fact behind the links
 */
public record Cycle(String origin, List<String> entities, int length, boolean binding, String path, Money smallestAmount,
                    List<String> kinds, List<Fact> basis) implements Derived {

    /** True when the cycle contains a funding link (investment, stake, loan, guarantee, backstop, warrant). */
    public boolean isFunded() {
        return kinds.stream().anyMatch(k -> !k.equals("purchase") && !k.equals("lease"));
    }

    /** True when the cycle contains a purchase: money returns as revenue. */
    public boolean isRevenue() {
        return kinds.contains("purchase") || kinds.contains("lease");
    }
}
