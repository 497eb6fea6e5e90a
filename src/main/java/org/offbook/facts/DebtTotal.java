package org.offbook.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * All debt an entity owes in one currency, summed from its {@link Financing} facts; {@code latestMaturity}
 * is the latest maturity among them (null when none has a date).
 */
public record DebtTotal(String entity, Money amount, int count, LocalDate latestMaturity, List<Fact> basis) implements Derived {
}
