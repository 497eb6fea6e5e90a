package org.offbook.model;

import java.time.LocalDate;
import java.util.List;

/**
 * All debt an entity owes in one currency, summed from its {@link Financing} facts that state an
 * amount. {@code latestMaturity} is the latest maturity among them (a maturity date, or start plus
 * tenor), null when none can be dated; {@code terms} says the same in words for explanations:
 * "latest maturity 2049", "tenor 4 years plus 2 years of extension options", or "maturity not disclosed".
 */
public record DebtTotal(String entity, Money amount, int count, LocalDate latestMaturity, String terms, List<Fact> basis) implements Derived {
}
