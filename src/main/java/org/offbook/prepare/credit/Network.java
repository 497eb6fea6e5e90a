package org.offbook.prepare.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Standing;
import org.offbook.model.Backstop;
import org.offbook.model.Contract;
import org.offbook.model.Cycle;
import org.offbook.model.Fact;
import org.offbook.model.Financing;
import org.offbook.model.Guarantee;
import org.offbook.model.Investment;
import org.offbook.model.Lease;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Statement;
import org.offbook.prepare.Derivations;

/**
 * The network around a company for the credit view: what it owes (obligors), the revenue its
 * suppliers fund themselves (recycled revenue), the cycles through it with their bottleneck, and
 * the timeline of maturities and expiries across all the facts.
 */
public final class Network {

    private final List<Fact> facts;
    private final Map<String, String> names;

    public Network(List<Fact> facts, Map<String, String> names) {
        this.facts = facts;
        this.names = names;
    }

    private String name(String id) {
        return names.getOrDefault(id, id);
    }

    /**
     * "binding" only for a binding deal from a filing or a party's announcement (or with no source
     * quality given); a binding deal known from the press alone, or disputed, is shown apart with
     * its source; a deal that does not bind is "not binding" (the legacy status "reported", "reported").
     */
    private static String status(String s, String sourceQuality) {
        if (s == null || s.equals("completed") || s.equals("definitive")) {
            return Standing.unconfirmed(sourceQuality) ? "binding, " + sourceQuality.replace('-', ' ') : "binding";
        }
        return s.equals("reported") ? "reported" : "not binding";
    }

    /** Binding contracts, leases and debt it owes, against its revenue and committed funding; non-binding and press-reported apart. */
    Credit.Obligations obligations(String entity, Money reportedDebt, List<Provenance> debtEvidence) {
        List<Credit.Obligation> binding = new ArrayList<>();
        List<Credit.Obligation> apart = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (reportedDebt != null) {
            binding.add(new Credit.Obligation("debt", null, reportedDebt, "binding", null, null, "reported debt", List.copyOf(debtEvidence)));
        }
        Money committed = null;
        for (Fact f : facts) {
            if (f instanceof Contract c && c.buyer().equals(entity)) {
                Integer first = c.start() == null ? null : c.start().getYear();
                Integer years = c.termYears() == null ? null : c.termYears().setScale(0, RoundingMode.HALF_UP).intValue();
                Credit.Obligation o = new Credit.Obligation("purchase", c.seller(), c.amount(), status(c.status(), c.sourceQuality()), first, years,
                        (c.what() == null ? "purchases" : c.what().replace('-', ' ')) + " from " + name(c.seller()), List.of(c.provenance()));
                (o.status().equals("binding") ? binding : apart).add(o);
                if (c.amount() == null) {
                    missing.add("amount of the " + o.status() + " purchase from " + name(c.seller()) + " (" + c.provenance() + ")");
                }
            } else if (f instanceof Lease l && l.lessee().equals(entity)) {
                Money amount = l.totalPayments() != null ? l.totalPayments() : l.pvPayments();
                Integer years = l.termYears() == null ? null : l.termYears().setScale(0, RoundingMode.HALF_UP).intValue();
                binding.add(new Credit.Obligation("lease", l.lessor(), amount, "binding", l.start() == null ? null : l.start().getYear(), years,
                        "lease of " + (l.asset() == null ? "an asset" : l.asset()) + " from " + name(l.lessor())
                                + (l.totalPayments() == null && l.pvPayments() != null ? " (present value of payments)" : ""), List.of(l.provenance())));
                if (amount == null) {
                    missing.add("payments of the lease from " + name(l.lessor()) + " (" + l.provenance() + ")");
                }
            } else if (f instanceof Financing fin && fin.borrower().equals(entity) && reportedDebt == null && fin.amount() == null) {
                missing.add("amount of the financing " + (fin.id() == null ? "" : fin.id() + " ") + "(" + fin.provenance() + ")");
            } else if (f instanceof Investment i && i.investee().equals(entity)) {
                if (i.isBinding() && i.amount() != null) {
                    committed = committed == null ? i.amount() : committed.sameCurrency(i.amount()) ? committed.plus(i.amount()) : committed;
                } else if (i.isBinding()) {
                    missing.add("amount of " + name(i.investor()) + "'s investment (" + i.provenance() + ")");
                }
            }
        }
        Money bindingTotal = sum(binding);
        Statement rev = null;
        for (Fact f : facts) {
            if (f instanceof Statement s && s.entity().equals(entity) && s.isAnnual() && s.revenue() != null && (rev == null || s.end().isAfter(rev.end()))) {
                rev = s;
            }
        }
        if (rev == null) {
            missing.add("revenue: no annual statement gives " + name(entity) + "'s revenue, so commitments cannot be set against it");
        }
        BigDecimal toRevenue = rev == null ? null : Credit.ratio(bindingTotal, rev.revenue());
        return new Credit.Obligations(List.copyOf(binding), List.copyOf(apart), bindingTotal, sum(apart), rev == null ? null : rev.revenue(),
                rev == null ? null : rev.period(), toRevenue, committed, byYear(binding), List.copyOf(missing));
    }

    private static Money sum(List<Credit.Obligation> os) {
        Money total = null;
        for (Credit.Obligation o : os) {
            if (o.amount() != null) {
                total = total == null ? o.amount() : total.sameCurrency(o.amount()) ? total.plus(o.amount()) : total;
            }
        }
        return total;
    }

    /** Obligations with a first year, term and amount, spread straight-line over their years (an assumption: the schedule is not given). */
    private static List<Credit.YearAmount> byYear(List<Credit.Obligation> os) {
        TreeMap<Integer, Money> years = new TreeMap<>();
        for (Credit.Obligation o : os) {
            if (o.amount() == null || o.firstYear() == null || o.years() == null || o.years() <= 0) {
                continue;
            }
            Money each = new Money(o.amount().amount().divide(BigDecimal.valueOf(o.years()), 2, RoundingMode.HALF_UP), o.amount().currency());
            for (int y = 0; y < o.years(); y++) {
                years.merge(o.firstYear() + y, each, (a, b) -> a.sameCurrency(b) ? a.plus(b) : a);
            }
        }
        List<Credit.YearAmount> out = new ArrayList<>();
        years.forEach((y, m) -> out.add(new Credit.YearAmount(y, m)));
        return out;
    }

    /** Per customer of {@code supplier}: what the supplier funds against what the customer buys from it. */
    List<Credit.Recycled> recycled(String supplier) {
        Map<String, List<Fact>> funding = new TreeMap<>();
        Map<String, List<Fact>> purchases = new TreeMap<>();
        for (Fact f : facts) {
            if (f instanceof Investment i && i.investor().equals(supplier)) {
                funding.computeIfAbsent(i.investee(), k -> new ArrayList<>()).add(i);
            } else if (f instanceof Financing fin && fin.lenders().contains(supplier)) {
                funding.computeIfAbsent(fin.borrower(), k -> new ArrayList<>()).add(fin);
            } else if (f instanceof Backstop b && b.backer().equals(supplier)) {
                funding.computeIfAbsent(b.provider(), k -> new ArrayList<>()).add(b);
            } else if (f instanceof Guarantee g && g.guarantor().equals(supplier)) {
                funding.computeIfAbsent(g.obligor(), k -> new ArrayList<>()).add(g);
            } else if (f instanceof Contract c && c.seller().equals(supplier)) {
                purchases.computeIfAbsent(c.buyer(), k -> new ArrayList<>()).add(c);
            } else if (f instanceof Lease l && l.lessor().equals(supplier)) {
                purchases.computeIfAbsent(l.lessee(), k -> new ArrayList<>()).add(l);
            }
        }
        List<Credit.Recycled> out = new ArrayList<>();
        for (Map.Entry<String, List<Fact>> e : funding.entrySet()) {
            List<Fact> bought = purchases.get(e.getKey());
            if (bought == null) {
                continue; // funding without purchases is not recycled revenue
            }
            Money fund = null;
            Money apart = null;
            List<String> words = new ArrayList<>();
            List<Provenance> ev = new ArrayList<>();
            for (Fact f : e.getValue()) {
                ev.add(f.provenance());
                Money m;
                boolean nb = false;
                if (f instanceof Investment i) {
                    m = i.amount();
                    nb = !i.isBinding();
                    words.add((nb ? "intends to invest " : "invests ") + (m == null ? "(amount not given)" : m.display()) + (i.form() == null ? "" : " (" + i.form() + ")"));
                } else if (f instanceof Financing fin) {
                    m = fin.lenders().size() == 1 ? fin.amount() : null;
                    words.add("lends " + (m == null ? "(its share of " + (fin.amount() == null ? "an undisclosed loan" : fin.amount().display()) + " not given)" : m.display()));
                } else if (f instanceof Backstop b) {
                    m = b.amount();
                    words.add("backstops capacity " + (m == null ? "(amount not given)" : m.display()));
                } else {
                    Guarantee g = (Guarantee) f;
                    m = g.maxExposure();
                    words.add("guarantees " + (m == null ? "(maximum not given)" : m.display()));
                }
                if (m != null) {
                    if (nb) {
                        apart = apart == null ? m : apart.sameCurrency(m) ? apart.plus(m) : apart;
                    } else {
                        fund = fund == null ? m : fund.sameCurrency(m) ? fund.plus(m) : fund;
                    }
                }
            }
            Money buys = null;
            boolean allBuys = true;
            for (Fact f : bought) {
                ev.add(f.provenance());
                Money m = f instanceof Contract c ? (c.isBinding() || "reported".equals(c.status()) ? c.amount() : null) : ((Lease) f).totalPayments();
                if (m == null) {
                    allBuys = false;
                } else {
                    buys = buys == null ? m : buys.sameCurrency(m) ? buys.plus(m) : buys;
                }
            }
            BigDecimal share = allBuys ? Credit.ratio(fund, buys) : null;
            String text = name(supplier) + " funds " + name(e.getKey()) + " (" + String.join("; ", words) + "), which buys from it "
                    + (buys == null ? "(amounts not given)" : buys.display() + (allBuys ? "" : " and more not given"))
                    + (share == null ? "; share not computable" : "; " + org.offbook.model.Numbers.percent(share) + " of its purchases are funded by the supplier");
            out.add(new Credit.Recycled(supplier, e.getKey(), fund, apart, allBuys ? buys : null, share, text,
                    ev.stream().distinct().sorted().toList()));
        }
        return out;
    }

    /** Cycles through the company, each link with its amount and the bottleneck where every link has one. */
    private List<Object> cycles;

    List<Credit.CycleView> cycles(String entity) {
        if (cycles == null) {
            cycles = Derivations.derive(facts, List.of(), c -> c == Cycle.class).facts();
        }
        List<Credit.CycleView> out = new ArrayList<>();
        for (Object o : cycles) {
            if (o instanceof Cycle c && c.entities().contains(entity)) {
                out.add(new Credit.CycleView(c.entities(), c.path(), c.smallestAmount(), c.binding(),
                        c.basis().stream().map(Fact::provenance).distinct().sorted().toList()));
            }
        }
        return out;
    }

    /** One dated event of the timeline. */
    public record Event(int year, LocalDate date, String kind, String entity, Money amount, String description, Provenance evidence) {
    }

    /** Maturities, lease and contract ends, backstop and guarantee expiries, and the end of assumed asset lives, by year. */
    public static List<Event> timeline(List<Fact> facts, Map<String, String> names) {
        List<Event> out = new ArrayList<>();
        for (Fact f : facts) {
            if (f instanceof Financing fin) {
                LocalDate m = Derivations.maturityOf(fin);
                if (m != null) {
                    out.add(new Event(m.getYear(), m, "maturity", fin.borrower(), fin.amount(), (fin.id() == null ? fin.kind() : fin.id()) + " matures",
                            fin.provenance()));
                }
                if (fin.start() != null && fin.collateralLifeYears() != null) {
                    LocalDate end = plusYears(fin.start(), fin.collateralLifeYears());
                    out.add(new Event(end.getYear(), end, "asset life ends", fin.borrower(), null, "assumed life of the collateral ("
                            + fin.collateralLifeYears().stripTrailingZeros().toPlainString() + " years) ends", fin.provenance()));
                }
            } else if (f instanceof Lease l && l.start() != null) {
                if (l.termYears() != null) {
                    LocalDate end = plusYears(l.start(), l.termYears());
                    out.add(new Event(end.getYear(), end, "lease ends", l.lessee(), l.totalPayments(), "non-cancellable term of the lease from "
                            + names.getOrDefault(l.lessor(), l.lessor()) + " ends", l.provenance()));
                }
                if (l.assetLifeYears() != null) {
                    LocalDate end = plusYears(l.start(), l.assetLifeYears());
                    out.add(new Event(end.getYear(), end, "asset life ends", l.lessor(), l.assetCost(), "assumed economic life of "
                            + (l.asset() == null ? "the leased asset" : l.asset()) + " ends", l.provenance()));
                }
            } else if (f instanceof Backstop b && b.end() != null) {
                out.add(new Event(b.end().getYear(), b.end(), "backstop expires", b.backer(), b.amount(), "capacity backstop of "
                        + names.getOrDefault(b.provider(), b.provider()) + " expires", b.provenance()));
            } else if (f instanceof Guarantee g && (g.end() != null || (g.start() != null && g.termYears() != null))) {
                LocalDate end = g.end() != null ? g.end() : plusYears(g.start(), g.termYears());
                out.add(new Event(end.getYear(), end, "guarantee expires", g.guarantor(), g.maxExposure(), "guarantee of "
                        + names.getOrDefault(g.obligor(), g.obligor()) + " expires", g.provenance()));
            } else if (f instanceof Contract c && c.start() != null && c.termYears() != null) {
                LocalDate end = plusYears(c.start(), c.termYears());
                out.add(new Event(end.getYear(), end, "contract ends", c.buyer(), c.amount(), "contract with "
                        + names.getOrDefault(c.seller(), c.seller()) + " ends (" + status(c.status(), c.sourceQuality()) + ")", c.provenance()));
            }
        }
        out.sort(java.util.Comparator.comparing(Event::date).thenComparing(Event::kind).thenComparing(Event::entity)
                .thenComparing(e -> e.evidence()));
        return out;
    }

    private static LocalDate plusYears(LocalDate start, BigDecimal years) {
        long months = years.multiply(BigDecimal.valueOf(12)).setScale(0, RoundingMode.HALF_UP).longValue();
        return start.plusMonths(months).minusDays(1);
    }
}
