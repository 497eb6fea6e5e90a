package org.offbook.prepare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.offbook.model.Guarantee;
import org.offbook.model.Lease;
import org.offbook.model.Money;

/**
 * The arithmetic behind GUAR-001 (a guarantee or backstop given for warrants or equity), typed and
 * tested here rather than written as DRL functions and consequence loops. The rule's conditions call
 * {@link #equityWrap}; its consequence supplies {@link #assess}'s result to its declared message.
 */
public final class EquityWraps {

    private EquityWraps() {
    }

    /**
     * A guarantee paid for in equity: an equity share or issuer received for it, or consideration
     * described as warrants, shares, stock or equity.
     */
    public static boolean equityWrap(Guarantee g) {
        if (g.considerationShare() != null || g.considerationIssuer() != null) {
            return true;
        }
        return g.consideration() != null
                && g.consideration().toLowerCase(Locale.ROOT).matches("(?s).*\\b(warrants?|equity|shares?|stock)\\b.*");
    }

    /** One tranche, in input order; {@code gap} when another comes before it, {@code last} for the last. */
    public record Tranche(Guarantee guarantee, boolean gap, boolean last) {
    }

    /** A term stated for the guarantee: {@code years}, else the date it runs {@code until}. */
    public record Term(BigDecimal years, LocalDate until, boolean gap, boolean last) {
    }

    /**
     * One consideration as stated (the same text, share and issuer on several tranches is one):
     * {@code equity} when a share or issuer is given; {@code forId} the tranche it is for, given only
     * when the considerations differ.
     */
    public record Consideration(boolean equity, BigDecimal share, String issuer, String text, String forId, boolean gap, boolean last) {
    }

    /**
     * The guarantees of one guarantor, obligor and beneficiary assessed: {@code verb} what the first
     * one's kind makes the guarantor do, in words; {@code count} the tranches; {@code total} their
     * maximum exposures added up (null when one is not given or the currencies differ); the
     * supported {@code lease} (the first in input order, null when none) and the share of its
     * payments the total covers ({@code coverage}); {@code selfPaid} when the equity is the
     * beneficiary's own; {@code related} the obligor, beneficiary and issuers other than the guarantor.
     */
    public record Assessment(String verb, int count, Money total, List<Tranche> tranches, List<Term> terms,
                             List<Consideration> received, Lease lease, BigDecimal coverage, boolean selfPaid, List<String> related) {

        /** True for a single tranche. */
        public boolean single() {
            return count == 1;
        }

        /** True when several tranches state one consideration (counted once). */
        public boolean sameConsideration() {
            return count > 1 && received.size() == 1;
        }

        /** True when the tranches state different considerations (listed, not added). */
        public boolean differing() {
            return received.size() > 1;
        }
    }

    /**
     * @param first the first of the guarantees (input order)
     * @param all every equity-paid guarantee of the guarantor, obligor and beneficiary
     * @param leases the obligor's leases from the beneficiary
     */
    public static Assessment assess(Guarantee first, List<Guarantee> all, List<Lease> leases) {
        List<Guarantee> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> a.provenance().compareTo(b.provenance()));
        Money total = null;
        boolean complete = true;
        List<Tranche> tranches = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        for (Guarantee g : sorted) {
            tranches.add(new Tranche(g, !tranches.isEmpty(), tranches.size() == sorted.size() - 1));
            if (g.maxExposure() == null) {
                complete = false;
            } else if (total == null) {
                total = g.maxExposure();
            } else if (total.sameCurrency(g.maxExposure())) {
                total = total.plus(g.maxExposure());
            } else {
                complete = false;
            }
            BigDecimal years = g.termYears() == null ? null : g.termYears().stripTrailingZeros();
            LocalDate until = years == null ? g.end() : null;
            if ((years != null || until != null)
                    && terms.stream().noneMatch(t -> java.util.Objects.equals(t.years(), years) && java.util.Objects.equals(t.until(), until))) {
                terms.add(new Term(years, until, false, false));
            }
        }
        if (!complete) {
            total = null;
        }
        List<Term> termList = new ArrayList<>();
        for (Term t : terms) {
            termList.add(new Term(t.years(), t.until(), !termList.isEmpty(), termList.size() == terms.size() - 1));
        }
        Map<String, Guarantee> distinct = new LinkedHashMap<>();
        for (Guarantee g : sorted) {
            String key = g.consideration() + "|" + (g.considerationShare() == null ? "" : g.considerationShare().stripTrailingZeros().toPlainString())
                    + "|" + g.considerationIssuer();
            distinct.putIfAbsent(key, g);
        }
        List<Consideration> received = new ArrayList<>();
        boolean selfPaid = false;
        for (Guarantee g : distinct.values()) {
            received.add(new Consideration(g.considerationShare() != null || g.considerationIssuer() != null, g.considerationShare(),
                    g.considerationIssuer(), g.consideration(), distinct.size() > 1 ? g.id() : null, !received.isEmpty(),
                    received.size() == distinct.size() - 1));
            if (g.considerationIssuer() != null && g.considerationIssuer().equals(first.beneficiary())) {
                selfPaid = true;
            }
        }
        Lease lease = null;
        for (Lease l : leases) {
            if (lease == null || l.provenance().compareTo(lease.provenance()) < 0) {
                lease = l;
            }
        }
        BigDecimal coverage = lease != null && lease.totalPayments() != null && total != null ? total.ratio(lease.totalPayments()) : null;
        List<String> related = new ArrayList<>();
        related.add(first.obligor());
        if (first.beneficiary() != null) {
            related.add(first.beneficiary());
        }
        for (Guarantee g : distinct.values()) {
            if (g.considerationIssuer() != null && !related.contains(g.considerationIssuer())) {
                related.add(g.considerationIssuer());
            }
        }
        related.remove(first.guarantor());
        return new Assessment(verb(first.kind()), sorted.size(), total, tranches, termList, received, lease, coverage, selfPaid, related);
    }

    /** What a guarantee of this kind makes the guarantor do, in words. */
    static String verb(String kind) {
        String k = kind == null ? "guarantee" : kind;
        return switch (k) {
            case "lease-backstop" -> "backstops the lease payments";
            case "residual-value" -> "guarantees the residual value under the obligations";
            case "cost-overrun" -> "covers cost overruns on the obligations";
            case "completion" -> "guarantees completion under the obligations";
            case "keepwell" -> "gives a keepwell for the obligations";
            default -> "guarantees the obligations";
        };
    }
}
