package org.offbook.prepare.graph;

import java.util.List;
import org.offbook.model.Fact;
import org.offbook.model.Money;

/**
 * Money or ownership moving from one entity to another, in the direction the money goes: investor
 * to investee, buyer to seller, lessee to lessor, lender to borrower, guarantor to obligor, backer
 * to provider, warrant grantor to holder.
 *
 * @param kind     investment, stake, purchase, lease, loan, guarantee, backstop, warrant, pledge-loan
 * @param amount   the amount when the fact gives one, else null
 * @param binding  false for letters of intent and merely reported deals
 * @param label    the link in words, e.g. "investment up to USD 100B (letter of intent)"
 * @param fact     the fact the link comes from
 */
public record Link(String from, String to, String kind, Money amount, boolean binding, String label, Fact fact) {
}
