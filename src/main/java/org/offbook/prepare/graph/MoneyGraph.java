package org.offbook.prepare.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Backstop;
import org.offbook.model.Contract;
import org.offbook.model.Fact;
import org.offbook.model.Financing;
import org.offbook.model.Guarantee;
import org.offbook.model.Investment;
import org.offbook.model.Lease;
import org.offbook.model.Money;
import org.offbook.model.Numbers;
import org.offbook.model.Pledge;
import org.offbook.model.Stake;
import org.offbook.model.Standing;
import org.offbook.model.Warrant;

/**
 * The entities and the money and ownership links between them, built from the facts. Links
 * between the same two entities in the same direction are kept together, in fact order.
 */
public final class MoneyGraph {

    private final Map<String, Map<String, List<Link>>> out = new TreeMap<>();
    private final Map<String, Map<String, List<Link>>> in = new TreeMap<>();
    private int links;

    public static MoneyGraph of(List<? extends Fact> facts) {
        MoneyGraph g = new MoneyGraph();
        for (Fact f : facts) {
            for (Link l : linksOf(f)) {
                g.add(l);
            }
        }
        return g;
    }

    public void add(Link l) {
        if (l.from().equals(l.to())) {
            return;
        }
        out.computeIfAbsent(l.from(), k -> new TreeMap<>()).computeIfAbsent(l.to(), k -> new ArrayList<>()).add(l);
        in.computeIfAbsent(l.to(), k -> new TreeMap<>()).computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l);
        out.computeIfAbsent(l.to(), k -> new TreeMap<>());
        in.computeIfAbsent(l.from(), k -> new TreeMap<>());
        links++;
    }

    public int linkCount() {
        return links;
    }

    /** Every entity with a link, sorted by id. */
    public List<String> entities() {
        return List.copyOf(out.keySet());
    }

    /** Links from {@code from} to {@code to}; empty when none. */
    public List<Link> between(String from, String to) {
        return out.getOrDefault(from, Map.of()).getOrDefault(to, List.of());
    }

    /** Entities {@code from} sends money to, sorted. */
    public List<String> successors(String from) {
        return List.copyOf(out.getOrDefault(from, Map.of()).keySet());
    }

    /** All links leaving an entity. */
    public List<Link> outgoing(String from) {
        List<Link> all = new ArrayList<>();
        out.getOrDefault(from, Map.of()).values().forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

    /** All links arriving at an entity. */
    public List<Link> incoming(String to) {
        List<Link> all = new ArrayList<>();
        in.getOrDefault(to, Map.of()).values().forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

    /** The links a fact contributes; none for statements, roles and other facts that move no money. */
    static List<Link> linksOf(Fact f) {
        List<Link> links = new ArrayList<>();
        if (f instanceof Investment i) {
            String status = i.status() == null || i.status().equals("completed") ? "" : " (" + Standing.status(i.status(), "") + ")";
            links.add(new Link(i.investor(), i.investee(), "investment", i.amount(), i.isBinding(),
                    (i.form() == null ? "investment" : i.form() + " investment") + amount(" of ", i.amount()) + status, f));
        } else if (f instanceof Stake s) {
            links.add(new Link(s.holder(), s.entity(), "stake", s.carryingValue(), true,
                    Numbers.percent(s.share()) + " stake" + amount(" carried at ", s.carryingValue()), f));
        } else if (f instanceof Contract c) {
            String status = c.status() == null || c.status().equals("completed") || c.status().equals("definitive")
                    ? "" : " (" + Standing.status(c.status(), "") + ")";
            links.add(new Link(c.buyer(), c.seller(), "purchase", c.amount(), c.isBinding(),
                    "buys " + (c.what() == null ? "goods and services" : Standing.what(c.what())) + amount(" for ", c.amount()) + status, f));
        } else if (f instanceof Lease l) {
            links.add(new Link(l.lessee(), l.lessor(), "lease", l.totalPayments(), true,
                    "leases " + (l.asset() == null ? "an asset" : l.asset()) + amount(", payments ", l.totalPayments()), f));
        } else if (f instanceof Financing d) {
            for (String lender : d.lenders()) {
                links.add(new Link(lender, d.borrower(), "loan", d.amount(), true,
                        "lends" + (d.kind() == null ? "" : " (" + d.kind().replace('-', ' ') + ")") + amount(", ", d.amount()), f));
            }
        } else if (f instanceof Guarantee g) {
            links.add(new Link(g.guarantor(), g.obligor(), "guarantee", g.maxExposure(), true,
                    "guarantees " + (g.kind() == null ? "obligations" : g.kind().replace('-', ' ')) + amount(" up to ", g.maxExposure()), f));
        } else if (f instanceof Backstop b) {
            links.add(new Link(b.backer(), b.provider(), "backstop", b.amount(), true,
                    "backstops unsold capacity" + amount(" up to ", b.amount()), f));
        } else if (f instanceof Warrant w) {
            links.add(new Link(w.grantor(), w.holder(), "warrant", null, true,
                    "grants warrants" + (w.share() == null ? "" : " for " + Numbers.percent(w.share()) + " of its shares"), f));
        } else if (f instanceof Pledge p && p.lender() != null) {
            Money loan = p.drawn() != null ? p.drawn() : p.facility();
            links.add(new Link(p.lender(), p.pledgor(), "pledge-loan", loan, true, "lends against pledged shares" + amount(", ", loan), f));
        }
        return links;
    }

    private static String amount(String prefix, Money m) {
        return m == null ? "" : prefix + m.display();
    }
}
