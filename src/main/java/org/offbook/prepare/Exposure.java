package org.offbook.prepare;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * "If this entity stops paying, who loses what." First order: what its counterparties lose
 * directly (revenue and backlog, rent, guarantees called, backstops lost, stakes and investments
 * impaired, loans). Onward: a vehicle that loses its tenant leaves its debt unserviced, so its
 * lenders lose; a company whose loss reaches {@code onwardShare} of its annual revenue is treated
 * as failing in turn, up to {@code maxDepth} orders. Every item cites the facts behind it.
 */
public final class Exposure {

    /** One loss: who loses, how much, why, through which chain, on which facts. */
    public record Item(int order, String party, String partyName, String kind, Money amount, String description,
                       List<String> chain, List<Fact> facts) {
    }

    /** The analysis: the defaulting entity, the losses found, and the parties treated as failing onward. */
    public record Result(String entity, String entityName, List<Item> items, List<String> failing, Map<String, String> names) {

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
        // the debt totals only: the rest of the preparation (the cycle search) is not needed here
        for (DebtTotal d : Derivations.debtTotals(facts)) {
            debt.putIfAbsent(d.entity(), d);
        }
    }

    public static Result analyse(List<Fact> facts, String entity, int maxDepth, BigDecimal onwardShare) {
        Exposure x = new Exposure(facts);
        List<Item> items = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        Deque<List<String>> queue = new ArrayDeque<>();
        queue.add(List.of(entity));
        Map<String, Boolean> seen = new LinkedHashMap<>();
        seen.put(entity, true);
        while (!queue.isEmpty()) {
            List<String> chain = queue.poll();
            String defaulter = chain.get(chain.size() - 1);
            int order = chain.size();
            if (order > maxDepth) {
                continue;
            }
            Map<String, Money> lossByParty = new LinkedHashMap<>();
            for (Item item : x.direct(defaulter, chain)) {
                items.add(item);
                // the largest single loss, not the sum: a contract and the share of backlog it creates are the same money
                if (item.amount() != null) {
                    lossByParty.merge(item.party(), item.amount(), (a, b) -> a.sameCurrency(b) && b.compareTo(a) > 0 ? b : a);
                }
            }
            // onward: parties for whom the loss is material
            for (Map.Entry<String, Money> e : lossByParty.entrySet()) {
                String party = e.getKey();
                if (seen.containsKey(party)) {
                    continue;
                }
                if (x.fails(party, e.getValue(), onwardShare)) {
                    seen.put(party, true);
                    failing.add(party);
                    List<String> next = new ArrayList<>(chain);
                    next.add(party);
                    queue.add(next);
                }
            }
        }
        return new Result(entity, x.name(entity), List.copyOf(items), List.copyOf(failing), Map.copyOf(x.names));
    }

    private String name(String id) {
        return names.getOrDefault(id, id);
    }

    /** A vehicle fails when it loses its tenant's rent; a company when the loss reaches the share of its revenue. */
    private boolean fails(String party, Money loss, BigDecimal onwardShare) {
        Entity e = entities.get(party);
        if (e != null && e.isVehicle()) {
            return true;
        }
        Money revenue = null;
        java.time.LocalDate latest = null;
        for (Fact f : facts) {
            if (f instanceof Statement s && s.entity().equals(party) && s.isAnnual() && s.revenue() != null
                    && (latest == null || s.end().isAfter(latest))) {
                latest = s.end();
                revenue = s.revenue();
            }
        }
        BigDecimal share = revenue == null ? null : loss.ratio(revenue);
        return share != null && share.compareTo(onwardShare) >= 0;
    }

    /** What each counterparty loses directly when {@code d} stops paying. */
    private List<Item> direct(String d, List<String> chain) {
        List<Item> out = new ArrayList<>();
        int order = chain.size();
        String who = name(d);
        for (Fact f : facts) {
            if (f instanceof Contract c && c.buyer().equals(d)) {
                String status = c.isBinding() ? "" : " (" + Standing.of(c.status(), c.sourceQuality(), "no status given") + ")";
                out.add(item(order, c.seller(), "revenue and backlog", c.amount(), chain,
                        who + " buys " + (c.what() == null ? "goods and services" : c.what().replace('-', ' ')) + " from it"
                                + (c.amount() == null ? " (amount not disclosed)" : " for " + c.amount().display()) + status, c));
            } else if (f instanceof Concentration k && k.customer().equals(d)) {
                Money base = null;
                for (Fact g : facts) {
                    if (g instanceof Statement s && s.entity().equals(k.entity()) && k.end() != null && s.end().equals(k.end())) {
                        base = k.basis().equals("revenue") ? s.revenue() : k.basis().equals("rpo") ? s.rpo() : null;
                    }
                }
                Money amount = base == null ? null : base.times(k.share());
                out.add(item(order, k.entity(), k.basis().equals("revenue") ? "revenue" : "backlog", amount, chain,
                        who + " is " + Numbers.percent(k.share()) + " of its " + (k.basis().equals("rpo") ? "remaining performance obligations" : k.basis())
                                + (k.period() == null ? "" : " (" + k.period() + ")") + (amount == null ? "" : ", about " + amount.display()), k));
            } else if (f instanceof Lease l && l.lessee().equals(d)) {
                DebtTotal vehicleDebt = debt.get(l.lessor());
                Entity lessor = entities.get(l.lessor());
                boolean vehicle = lessor != null && lessor.isVehicle();
                Money amount = l.totalPayments() != null ? l.totalPayments() : vehicle && vehicleDebt != null ? vehicleDebt.amount() : null;
                String text = who + " leases " + (l.asset() == null ? "its asset" : l.asset()) + " from it"
                        + (l.totalPayments() == null ? "" : "; payments " + l.totalPayments().display())
                        + (vehicle && vehicleDebt != null ? "; the vehicle's " + vehicleDebt.amount().display()
                        + " of debt is serviced from that rent" : "");
                out.add(item(order, l.lessor(), vehicle ? "vehicle rent and debt service" : "rent", amount, chain, text, l));
            } else if (f instanceof Guarantee g && g.obligor().equals(d)) {
                out.add(item(order, g.guarantor(), "guarantee called", g.maxExposure(), chain,
                        "guarantees " + who + "'s " + (g.kind() == null ? "obligations" : g.kind().replace('-', ' '))
                                + (g.beneficiary() == null ? "" : " to " + name(g.beneficiary()))
                                + (g.maxExposure() == null ? "" : ", up to " + g.maxExposure().display()), g));
            } else if (f instanceof Backstop b && b.backer().equals(d)) {
                out.add(item(order, b.provider(), "backstop lost", b.amount(), chain,
                        who + " committed to buy its unsold capacity" + (b.amount() == null ? "" : ", up to " + b.amount().display())
                                + (b.end() == null ? "" : " through " + b.end().getYear()), b));
            } else if (f instanceof Stake s && s.entity().equals(d)) {
                out.add(item(order, s.holder(), "stake impaired", s.carryingValue(), chain,
                        "holds " + Numbers.percent(s.share()) + " of " + who
                                + (s.carryingValue() == null ? " (carrying value not given)" : ", carried at " + s.carryingValue().display()), s));
            } else if (f instanceof Investment i && i.investee().equals(d)) {
                out.add(item(order, i.investor(), i.isBinding() ? "investment impaired" : "commitment (not binding)", i.amount(), chain,
                        (i.isBinding() ? "invested in " : "intends to invest in ") + who
                                + (i.amount() == null ? "" : " " + i.amount().display())
                                + (i.status() == null ? "" : " (" + Standing.of(i.status(), i.sourceQuality(), "") + ")"), i));
            } else if (f instanceof Financing fin && fin.borrower().equals(d)) {
                for (String lender : fin.lenders()) {
                    out.add(item(order, lender, "loan", fin.amount(), chain,
                            "lends to " + who + (fin.kind() == null ? "" : " (" + fin.kind().replace('-', ' ') + ")")
                                    + (fin.amount() == null ? "" : "; " + fin.amount().display() + " in all"
                                    + (fin.lenders().size() > 1 ? " with " + (fin.lenders().size() - 1) + " other lender(s)" : "")), fin));
                }
            }
        }
        return out;
    }

    private Item item(int order, String party, String kind, Money amount, List<String> chain, String text, Fact fact) {
        List<String> path = new ArrayList<>(chain);
        path.add(party);
        return new Item(order, party, name(party), kind, amount, text, List.copyOf(path), List.of(fact));
    }
}
