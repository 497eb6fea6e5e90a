package org.offbook.prepare;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offbook.model.Backstop;
import org.offbook.model.Concentration;
import org.offbook.model.Contract;
import org.offbook.model.DebtTotal;
import org.offbook.model.Entities;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.Financing;
import org.offbook.model.Guarantee;
import org.offbook.model.Investment;
import org.offbook.model.Lease;
import org.offbook.model.Money;
import org.offbook.model.Standing;
import org.offbook.model.Numbers;
import org.offbook.model.Stake;
import org.offbook.model.Statement;

/**
 * "If this entity stops paying, who loses what", each obligation counted once (docs/credit.md,
 * "Exposure"). First order: what its counterparties lose directly (revenue and backlog, rent,
 * guarantees called, backstops lost, stakes and loans). A syndicate is one item with its
 * participants; a guarantee is netted from the guaranteed party's loss and shown as the guarantor's;
 * a contract and the share of revenue or backlog it makes are one relationship, and a concentration
 * reported for several years is one relationship (the latest year counts); letters of intent are
 * listed apart and count for nothing. Onward: a vehicle that loses its tenant's rent (net of
 * guarantees) fails and its lenders lose; a company fails when its counted loss reaches
 * {@link Onward#equityShare} of its equity or {@link Onward#cashShare} of its cash; a company
 * with neither figure is named as not assessed, never assumed to fail or to hold.
 */
public final class Exposure {

    /** Binding, reported in the press only (counted, marked), or not binding (listed apart, not counted). */
    public static final String BINDING = "binding";
    public static final String REPORTED = "reported";
    public static final String NOT_BINDING = "not binding";

    /**
     * One loss: who loses (an entity, or several lenders together), how much (net of guarantees;
     * {@code gross} before them), whether it counts, why, through which chain, on which facts.
     */
    public record Item(int order, String party, String partyName, String kind, Money amount, String status, String description,
                       List<String> chain, List<Fact> facts, List<String> participants, Money gross) {

        public boolean counted() {
            return !status.equals(NOT_BINDING);
        }
    }

    /** When a company is treated as failing in turn: its counted loss against its equity and its cash. */
    public record Onward(int maxDepth, BigDecimal equityShare, BigDecimal cashShare) {
        public static final Onward DEFAULT = new Onward(3, new BigDecimal("0.5"), new BigDecimal("1"));
    }

    /** The analysis: the defaulting entity, the losses, who fails onward (and why), who could not be assessed (and why). */
    public record Result(String entity, String entityName, List<Item> items, List<String> failing, Map<String, String> whyFailing,
                         Map<String, String> notAssessed, Map<String, String> names) {

        public String nameOf(String id) {
            return names.getOrDefault(id, id);
        }
    }

    private final Map<String, String> names;
    private final Map<String, Entity> entities;
    private final List<Fact> facts;
    private final Map<String, DebtTotal> debt = new HashMap<>();

    private Exposure(List<Fact> facts) {
        this.facts = facts;
        this.names = Entities.names(facts);
        this.entities = Entities.byId(facts);
        for (DebtTotal d : Derivations.debtTotals(facts)) {
            debt.putIfAbsent(d.entity(), d);
        }
    }

    public static Result analyse(List<Fact> facts, String entity, Onward onward) {
        Exposure x = new Exposure(facts);
        List<Item> items = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        Map<String, String> why = new LinkedHashMap<>();
        Map<String, String> notAssessed = new LinkedHashMap<>();
        Deque<List<String>> queue = new ArrayDeque<>();
        queue.add(List.of(entity));
        Set<String> seen = new LinkedHashSet<>(List.of(entity));
        while (!queue.isEmpty()) {
            List<String> chain = queue.poll();
            if (chain.size() > onward.maxDepth()) {
                continue;
            }
            // the parties already in the chain are where the loss came from: their own losses in turn are not repeated
            List<Item> direct = x.direct(chain.get(chain.size() - 1), chain).stream().filter(i -> !chain.contains(i.party())).toList();
            items.addAll(direct);
            Map<String, Money> counted = new LinkedHashMap<>();
            for (Item item : direct) {
                if (item.counted() && item.amount() != null && item.participants().isEmpty()) {
                    counted.merge(item.party(), item.amount(), (a, b) -> a.sameCurrency(b) ? a.plus(b) : a);
                }
            }
            for (Map.Entry<String, Money> e : counted.entrySet()) {
                String party = e.getKey();
                if (seen.contains(party)) {
                    continue;
                }
                String reason = x.fails(party, e.getValue(), onward, notAssessed);
                if (reason != null) {
                    seen.add(party);
                    failing.add(party);
                    why.put(party, reason);
                    List<String> next = new ArrayList<>(chain);
                    next.add(party);
                    queue.add(next);
                }
            }
        }
        return new Result(entity, x.name(entity), List.copyOf(items), List.copyOf(failing), Map.copyOf(why), Map.copyOf(notAssessed),
                Map.copyOf(x.names));
    }

    private String name(String id) {
        return names.getOrDefault(id, id);
    }

    /** Why the party fails in turn, or null; a company without equity and cash figures is recorded as not assessed. */
    private String fails(String party, Money loss, Onward onward, Map<String, String> notAssessed) {
        Entity e = entities.get(party);
        if (e != null && e.isVehicle()) {
            return "a vehicle that loses " + loss.display() + " of its tenant's rent cannot service its debt";
        }
        Statement equity = latest(party, true);
        Statement cash = latest(party, false);
        if (equity == null && cash == null) {
            notAssessed.putIfAbsent(party, "loses " + loss.display() + "; neither its equity nor its cash is given, so whether it fails in turn is not assessed");
            return null;
        }
        if (equity != null && loss.sameCurrency(equity.equity())) {
            BigDecimal share = equity.equity().amount().signum() <= 0 ? null : loss.ratio(equity.equity());
            if (equity.equity().amount().signum() <= 0 || share.compareTo(onward.equityShare()) >= 0) {
                return "loses " + loss.display() + " against equity of " + equity.equity().display() + " (" + equity.end() + ")"
                        + (share == null ? "" : ": " + Numbers.percent(share) + ", at least the " + Numbers.percent(onward.equityShare()) + " threshold");
            }
        }
        if (cash != null && loss.sameCurrency(cash.cash())) {
            BigDecimal share = cash.cash().amount().signum() == 0 ? null : loss.ratio(cash.cash());
            if (share == null || share.compareTo(onward.cashShare()) >= 0) {
                return "loses " + loss.display() + " against cash of " + cash.cash().display() + " (" + cash.end() + ")"
                        + (share == null ? "" : ": " + Numbers.percent(share) + ", at least the " + Numbers.percent(onward.cashShare()) + " threshold");
            }
        }
        return null;
    }

    /** The latest statement of the party giving its equity ({@code equity}) or its cash. */
    private Statement latest(String party, boolean equity) {
        Statement best = null;
        for (Fact f : facts) {
            if (f instanceof Statement s && s.entity().equals(party) && (equity ? s.equity() : s.cash()) != null
                    && (best == null || s.end().isAfter(best.end()))) {
                best = s;
            }
        }
        return best;
    }

    /**
     * Binding when the deal binds and is known from a filing or a party's announcement (or no source
     * quality is given); reported when it is known from the press alone or disputed (legacy status
     * "reported" too); otherwise not binding. Legal status and source quality stay two fields.
     */
    private static String status(String factStatus, String sourceQuality) {
        if (factStatus == null || factStatus.equals("completed") || factStatus.equals("definitive")) {
            return Standing.unconfirmed(sourceQuality) ? REPORTED : BINDING;
        }
        return factStatus.equals("reported") ? REPORTED : NOT_BINDING;
    }

    /** What each counterparty loses directly when {@code d} stops paying, each obligation once. */
    private List<Item> direct(String d, List<String> chain) {
        int order = chain.size();
        String who = name(d);
        List<Item> out = new ArrayList<>();
        Map<String, Integer> contractBySeller = new LinkedHashMap<>();
        Map<String, List<Concentration>> concentrations = new LinkedHashMap<>();
        Map<String, List<Guarantee>> guarantees = new LinkedHashMap<>();
        Map<String, Stake> stakes = new LinkedHashMap<>();
        List<Investment> investments = new ArrayList<>();
        for (Fact f : facts) {
            if (f instanceof Contract c && c.buyer().equals(d)) {
                String status = status(c.status(), c.sourceQuality());
                Item item = item(order, c.seller(), "revenue and backlog", c.amount(), status, chain,
                        who + " buys " + (c.what() == null ? "goods and services" : Standing.what(c.what())) + " from it"
                                + (c.amount() == null ? " (amount not disclosed)" : " for " + c.amount().display())
                                + (!status.equals(BINDING) ? " (" + Standing.of(c.status(), c.sourceQuality(), "no status given") + ")"
                                : c.sourceQuality() == null || c.sourceQuality().equals("filed") ? "" : " (" + Standing.source(c.sourceQuality()) + ")"),
                        List.of(c));
                if (c.amount() != null) {
                    contractBySeller.putIfAbsent(c.seller(), out.size());
                }
                out.add(item);
            } else if (f instanceof Concentration k && k.customer().equals(d)) {
                concentrations.computeIfAbsent(k.entity() + "\u0000" + k.basis(), x -> new ArrayList<>()).add(k);
            } else if (f instanceof Lease l && l.lessee().equals(d)) {
                DebtTotal vehicleDebt = debt.get(l.lessor());
                Entity lessor = entities.get(l.lessor());
                boolean vehicle = lessor != null && lessor.isVehicle();
                Money amount = l.totalPayments() != null ? l.totalPayments() : vehicle && vehicleDebt != null ? vehicleDebt.amount() : null;
                String text = who + " leases " + (l.asset() == null ? "its asset" : l.asset()) + " from it"
                        + (l.totalPayments() == null ? "" : "; payments " + l.totalPayments().display())
                        + (vehicle && vehicleDebt != null ? "; the vehicle's " + vehicleDebt.amount().display()
                        + " of debt is serviced from that rent" : "");
                out.add(item(order, l.lessor(), vehicle ? "vehicle rent and debt service" : "rent", amount, BINDING, chain, text, List.of(l)));
            } else if (f instanceof Guarantee g && g.obligor().equals(d)) {
                guarantees.computeIfAbsent(g.guarantor() + "\u0000" + (g.beneficiary() == null ? "" : g.beneficiary()), x -> new ArrayList<>()).add(g);
            } else if (f instanceof Backstop b && b.backer().equals(d)) {
                out.add(item(order, b.provider(), "backstop lost", b.amount(), BINDING, chain,
                        who + " committed to buy its unsold capacity" + (b.amount() == null ? "" : ", up to " + b.amount().display())
                                + (b.end() == null ? "" : " through " + b.end().getYear()), List.of(b)));
            } else if (f instanceof Stake s && s.entity().equals(d)) {
                stakes.put(s.holder(), s);
            } else if (f instanceof Investment i && i.investee().equals(d)) {
                investments.add(i);
            } else if (f instanceof Financing fin && fin.borrower().equals(d) && !fin.lenders().isEmpty()) {
                out.add(syndicate(order, fin, who, chain));
            }
        }
        for (List<Concentration> ks : concentrations.values()) {
            concentration(order, ks, who, chain, contractBySeller, out);
        }
        for (List<Guarantee> gs : guarantees.values()) {
            out.add(guaranteeCalled(order, gs, who, chain, out));
        }
        out.addAll(stakesAndInvestments(order, stakes, investments, who, chain));
        return out;
    }

    /** Several lenders to one debt: one item with the whole amount and its participants (shares are not given). */
    private Item syndicate(int order, Financing fin, String who, List<String> chain) {
        List<String> lenders = fin.lenders();
        String party = lenders.size() == 1 ? lenders.get(0) : String.join("+", lenders);
        String names = String.join(", ", lenders.stream().map(this::name).toList());
        String text = (lenders.size() == 1 ? "lends to " : "lend together to ") + who
                + (fin.kind() == null ? "" : " (" + fin.kind().replace('-', ' ') + (fin.id() == null ? "" : " " + fin.id()) + ")")
                + (fin.amount() == null ? "; amount not disclosed" : "; " + fin.amount().display() + " in all")
                + (lenders.size() > 1 ? "; each participant's share is not given" : "");
        List<String> path = new ArrayList<>(chain);
        path.add(party);
        return new Item(order, party, lenders.size() == 1 ? names : names + " (together)", "loan", fin.amount(), BINDING, text,
                List.copyOf(path), List.of(fin), lenders.size() == 1 ? List.of() : List.copyOf(lenders), fin.amount());
    }

    /**
     * One relationship per reporting entity and basis: the latest period's share counts; when a
     * contract with an amount ties the same two parties, the share is that contract again and adds
     * only evidence to it.
     */
    private void concentration(int order, List<Concentration> ks, String who, List<String> chain, Map<String, Integer> contracts, List<Item> out) {
        Concentration latest = ks.get(0);
        for (Concentration k : ks) {
            if (k.end() != null && (latest.end() == null || k.end().isAfter(latest.end()))) {
                latest = k;
            }
        }
        Money base = null;
        for (Fact g : facts) {
            if (g instanceof Statement s && s.entity().equals(latest.entity()) && latest.end() != null && s.end().equals(latest.end())) {
                Money m = latest.basis().equals("revenue") ? s.revenue() : latest.basis().equals("rpo") || latest.basis().equals("backlog") ? s.rpo() : null;
                base = m != null ? m : base;
            }
        }
        Money amount = base == null ? null : base.times(latest.share());
        String basis = latest.basis().equals("rpo") ? "remaining performance obligations" : latest.basis();
        StringBuilder text = new StringBuilder(who + " is " + Numbers.percent(latest.share()) + " of its " + basis
                + (latest.period() == null ? "" : " (" + latest.period() + ")") + (amount == null ? "" : ", about " + amount.display()));
        List<String> earlier = new ArrayList<>();
        for (Concentration k : ks) {
            if (k != latest) {
                earlier.add(Numbers.percent(k.share()) + (k.period() == null ? "" : " in " + k.period()));
            }
        }
        if (!earlier.isEmpty()) {
            text.append("; earlier ").append(String.join(", ", earlier)).append(" (one relationship, counted once)");
        }
        List<Fact> basisFacts = new ArrayList<>(ks);
        Integer at = contracts.get(latest.entity());
        if (at != null) {
            // the share is the contract seen from the seller's books: evidence for it, not a second loss
            Item contract = out.get(at);
            out.set(at, new Item(contract.order(), contract.party(), contract.partyName(), contract.kind(), contract.amount(), contract.status(),
                    contract.description() + "; the same obligation as " + text.toString().replace(who + " is ", "")
                            + " (counted once, as the contract)",
                    contract.chain(), concat(contract.facts(), basisFacts), contract.participants(), contract.gross()));
            return;
        }
        out.add(item(order, latest.entity(), latest.basis().equals("revenue") ? "revenue" : "backlog", amount, BINDING, chain,
                text.toString(), basisFacts));
    }

    /**
     * The guarantor's item for the guarantees it gave for {@code d}'s obligations to one
     * beneficiary; the beneficiary's own items from {@code d} are netted by the amount guaranteed.
     */
    private Item guaranteeCalled(int order, List<Guarantee> gs, String who, List<String> chain, List<Item> out) {
        Guarantee g0 = gs.get(0);
        Money total = null;
        boolean allKnown = true;
        for (Guarantee g : gs) {
            if (g.maxExposure() == null) {
                allKnown = false;
            } else {
                total = total == null ? g.maxExposure() : total.sameCurrency(g.maxExposure()) ? total.plus(g.maxExposure()) : total;
            }
        }
        String beneficiary = g0.beneficiary();
        String net = "";
        if (beneficiary != null && total != null && allKnown) {
            for (int i = 0; i < out.size(); i++) {
                Item it = out.get(i);
                if (it.party().equals(beneficiary) && it.counted() && it.amount() != null && it.amount().sameCurrency(total)) {
                    Money covered = it.amount().compareTo(total) <= 0 ? it.amount() : total;
                    Money left = new Money(it.amount().amount().subtract(covered.amount()), it.amount().currency());
                    out.set(i, new Item(it.order(), it.party(), it.partyName(), it.kind(), left, it.status(),
                            it.description() + "; " + covered.display() + " of it is guaranteed by " + name(g0.guarantor())
                                    + ", so it loses " + left.display() + " net",
                            it.chain(), concat(it.facts(), List.copyOf(gs)), it.participants(), it.gross()));
                    net = "; netted from " + name(beneficiary) + "'s loss (" + it.gross().display() + " gross, " + left.display() + " net)";
                    break;
                }
            }
        }
        String kinds = String.join(", ", gs.stream().map(g -> g.kind() == null ? "guarantee" : g.kind().replace('-', ' ')).distinct().toList());
        return item(order, g0.guarantor(), "guarantee called", total, BINDING, chain,
                "guarantees " + who + "'s obligations (" + kinds + ")" + (beneficiary == null ? "" : " to " + name(beneficiary))
                        + (gs.size() > 1 ? " in " + gs.size() + " tranches" : "")
                        + (total == null ? ", maximum not disclosed" : ", up to " + total.display() + (allKnown ? "" : " (one tranche's maximum not disclosed)"))
                        + net, List.copyOf(gs));
    }

    /** A holder's stake and its own completed equity investment are the same money: one item. */
    private List<Item> stakesAndInvestments(int order, Map<String, Stake> stakes, List<Investment> investments, String who, List<String> chain) {
        List<Item> out = new ArrayList<>();
        Set<String> merged = new LinkedHashSet<>();
        for (Investment i : investments) {
            String status = status(i.status(), i.sourceQuality());
            Stake s = stakes.get(i.investor());
            if (s != null && status.equals(BINDING) && "equity".equals(i.form())) {
                merged.add(i.investor());
                Money amount = s.carryingValue() != null ? s.carryingValue() : i.amount();
                out.add(item(order, i.investor(), "stake impaired", amount, BINDING, chain,
                        "holds " + Numbers.percent(s.share()) + " of " + who + " and invested " + (i.amount() == null ? "(amount not given)" : i.amount().display())
                                + " in it (the stake and the investment are one holding"
                                + (s.carryingValue() == null ? "; carrying value not given, the amount invested counts)" : "; its carrying value counts)"),
                        List.of(s, i)));
                continue;
            }
            boolean counted = !status.equals(NOT_BINDING);
            out.add(item(order, i.investor(), counted ? "investment impaired" : "commitment (not binding)", i.amount(), status, chain,
                    (counted ? "invested in " : "intends to invest in ") + who
                            + (i.amount() == null ? " (amount not given)" : " " + i.amount().display())
                            + (i.status() == null ? "" : " (" + Standing.of(i.status(), i.sourceQuality(), "") + ")")
                            + (counted ? "" : ": not yet invested, so nothing is lost; listed apart"), List.of(i)));
        }
        for (Stake s : stakes.values()) {
            if (!merged.contains(s.holder())) {
                out.add(item(order, s.holder(), "stake impaired", s.carryingValue(), BINDING, chain,
                        "holds " + Numbers.percent(s.share()) + " of " + who
                                + (s.carryingValue() == null ? " (carrying value not given)" : ", carried at " + s.carryingValue().display()), List.of(s)));
            }
        }
        return out;
    }

    private static List<Fact> concat(List<Fact> a, List<? extends Fact> b) {
        List<Fact> out = new ArrayList<>(a);
        for (Fact f : b) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    private Item item(int order, String party, String kind, Money amount, String status, List<String> chain, String text, List<? extends Fact> basis) {
        List<String> path = new ArrayList<>(chain);
        path.add(party);
        return new Item(order, party, name(party), kind, amount, status, text, List.copyOf(path), List.copyOf(basis), List.of(), amount);
    }
}
