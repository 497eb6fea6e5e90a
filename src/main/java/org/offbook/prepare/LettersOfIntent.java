package org.offbook.prepare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.offbook.model.Concentration;
import org.offbook.model.Contract;
import org.offbook.model.Fact;
import org.offbook.model.Investment;
import org.offbook.model.Money;
import org.offbook.model.Standing;
import org.offbook.model.Statement;

/**
 * The arithmetic behind LOI-001 (non-binding commitments presented as funding or backlog), typed
 * and tested here rather than written as DRL functions. The rule's conditions call
 * {@link #reported}; its consequence supplies {@link #assess}'s result to its declared message.
 */
public final class LettersOfIntent {

    private LettersOfIntent() {
    }

    /** A non-binding sale the seller's backlog counts: its share of the RPO or backlog, the figure it comes from. */
    public record CountedSale(Contract contract, BigDecimal share, Concentration basis, Statement rpo, boolean gap) {

        /** True when the seller itself attributes the share to the buyer (a concentration disclosure). */
        public boolean attributed() {
            return basis != null;
        }

        /** "backlog" or "remaining performance obligations". */
        public String measure() {
            return basis != null && basis.basis().equals("backlog") ? "backlog" : "remaining performance obligations";
        }

        /** The period the figure is for: its label, else its end date. */
        public String when() {
            if (basis != null) {
                return basis.period() != null ? basis.period() : String.valueOf(basis.end());
            }
            return rpo.period() != null ? rpo.period() : String.valueOf(rpo.end());
        }

        /** The part of the RPO the share stands for; null without an RPO figure. */
        public Money portion() {
            return rpo == null ? null : rpo.rpo().times(share);
        }

        public String buyer() {
            return contract.buyer();
        }

        public String status() {
            return statusText(contract.status(), contract.sourceQuality());
        }

        /** What is sold, in words ("cloud capacity"); null when not given. */
        public String what() {
            return Standing.what(contract.what());
        }

        /** "5 years" as the contract states its term; null when not given. */
        public String term() {
            return contract.termYears() == null ? null : contract.termYears().stripTrailingZeros().toPlainString() + " years";
        }
    }

    /**
     * Non-binding funding set against the binding purchase commitments it would help pay; the
     * lists are text with the entities named (input text as it is, never read as a template).
     */
    public record Funding(Money loi, Money owed, BigDecimal share, String offers, String owes, String unsigned) {
    }

    /** What LOI-001 reports for one party: its funding part (or null), its counted sales, the amount at stake and the parties. */
    public record Assessment(Funding funding, List<CountedSale> sales, Money atStake, List<String> related) {
    }

    /** True when the party's non-binding funding or counted sales reach {@code min}: the rule's condition. */
    public static boolean reported(List<Investment> funding, List<Contract> commitments, List<Contract> sales, List<Contract> bindingSales,
                                   List<Concentration> backlog, List<Statement> rpos, BigDecimal min) {
        BigDecimal share = fundingShare(funding, commitments);
        return (share != null && share.compareTo(min) >= 0) || !countedSales(sales, bindingSales, backlog, rpos, min, false).isEmpty();
    }

    public static Assessment assess(String party, List<Investment> funding, List<Contract> commitments, List<Contract> unsigned,
                                    List<Contract> sales, List<Contract> bindingSales, List<Concentration> backlog, List<Statement> rpos,
                                    BigDecimal min, Function<String, String> names) {
        List<String> related = new ArrayList<>();
        Money atStake = null;
        Funding f = null;
        BigDecimal share = fundingShare(funding, commitments);
        if (share != null && share.compareTo(min) >= 0) {
            String currency = funding.get(0).amount().currency();
            Money loi = sum(funding, currency);
            Money owed = sum(commitments, currency);
            atStake = loi;
            List<String> offers = new ArrayList<>();
            for (Investment i : sorted(funding)) {
                offers.add(names.apply(i.investor()) + ", up to " + i.amount().display() + (i.form() == null ? "" : " of " + i.form())
                        + " (" + statusText(i.status(), i.sourceQuality()) + (i.condition() == null ? "" : ": \"" + i.condition() + "\"") + ")");
                related.add(i.investor());
            }
            List<String> owes = new ArrayList<>();
            for (Contract k : sorted(commitments)) {
                owes.add(names.apply(k.seller()) + " " + k.amount().display() + (k.what() == null ? "" : " (" + Standing.what(k.what())
                        + (k.termYears() == null ? "" : " over " + k.termYears().stripTrailingZeros().toPlainString() + " years")
                        + (k.sourceQuality() == null ? "" : ", " + Standing.source(k.sourceQuality())) + ")"));
            }
            List<String> maybe = new ArrayList<>();
            for (Contract k : sorted(unsigned)) {
                maybe.add(k.amount().display() + " with " + names.apply(k.seller()) + " (" + statusText(k.status(), k.sourceQuality()) + ")");
                related.add(k.seller());
            }
            f = new Funding(loi, owed, share, String.join("; ", offers), String.join(", ", owes), String.join(", ", maybe));
        }
        List<CountedSale> counted = countedSales(sorted(sales), bindingSales, backlog, rpos, min, f != null);
        for (CountedSale s : counted) {
            Money amount = s.contract().amount();
            if (atStake == null) {
                atStake = amount;
            } else if (atStake.sameCurrency(amount)) {
                atStake = atStake.plus(amount);
            }
            related.add(s.buyer());
        }
        related.remove(party);
        return new Assessment(f, counted, atStake, related);
    }

    /**
     * The non-binding sales the seller's backlog counts: the seller reports an RPO or backlog share
     * for the buyer, or RPO against which the amount weighs at least {@code min}, and has no
     * binding contract with that buyer. {@code gap}: a sentence comes before the first.
     */
    static List<CountedSale> countedSales(List<Contract> sales, List<Contract> bindingSales, List<Concentration> backlog,
                                          List<Statement> rpos, BigDecimal min, boolean gap) {
        List<CountedSale> out = new ArrayList<>();
        for (Contract k : sales) {
            if (bindingSales.stream().anyMatch(b -> b.buyer().equals(k.buyer()))) {
                continue;
            }
            Concentration latest = null;
            for (Concentration x : backlog) {
                if (x.customer().equals(k.buyer()) && (latest == null || (x.end() != null && (latest.end() == null || x.end().isAfter(latest.end()))))) {
                    latest = x;
                }
            }
            Statement rpo = null;
            for (Statement x : rpos) {
                if (x.rpo().sameCurrency(k.amount()) && (rpo == null || x.end().isAfter(rpo.end()))) {
                    rpo = x;
                }
            }
            if (latest != null) {
                Statement at = null;
                for (Statement x : rpos) {
                    if (latest.end() != null && x.end().equals(latest.end())) {
                        at = x;
                    }
                }
                if (latest.share().compareTo(min) >= 0) {
                    out.add(new CountedSale(k, latest.share(), latest, at, gap || !out.isEmpty()));
                }
            } else if (rpo != null) {
                BigDecimal share = k.amount().ratio(rpo.rpo());
                if (share != null && share.compareTo(min) >= 0) {
                    out.add(new CountedSale(k, share, null, rpo, gap || !out.isEmpty()));
                }
            }
        }
        return out;
    }

    /** Non-binding funding as a share of the binding purchase commitments in its currency; null when there is nothing to compare. */
    static BigDecimal fundingShare(List<Investment> funding, List<Contract> commitments) {
        if (funding.isEmpty()) {
            return null;
        }
        String currency = funding.get(0).amount().currency();
        Money owed = sum(commitments, currency);
        return owed == null ? null : sum(funding, currency).ratio(owed);
    }

    /** The amounts in one currency summed; null when none is in it. */
    static Money sum(List<? extends Fact> facts, String currency) {
        Money sum = null;
        for (Fact o : facts) {
            Money m = amount(o);
            if (m.currency().equals(currency)) {
                sum = sum == null ? m : sum.plus(m);
            }
        }
        return sum;
    }

    /** Largest amount first, then in input order, so that explanations read the same on every run. */
    static <T extends Fact> List<T> sorted(List<T> facts) {
        List<T> out = new ArrayList<>(facts);
        out.sort(Comparator.<T, BigDecimal>comparing(f -> amount(f).amount()).reversed().thenComparing(Fact::provenance));
        return out;
    }

    /** A non-binding deal's standing: its legal status and, apart from it, where the fact comes from. */
    static String statusText(String status, String sourceQuality) {
        return Standing.of(status, sourceQuality, "no status given");
    }

    private static Money amount(Fact f) {
        return f instanceof Investment i ? i.amount() : ((Contract) f).amount();
    }
}
