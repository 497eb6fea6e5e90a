package org.offbook.prepare.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offbook.model.Backstop;
import org.offbook.model.Contract;
import org.offbook.model.DebtTotal;
import org.offbook.model.Disclosure;
import org.offbook.model.Entities;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.Financing;
import org.offbook.model.Guarantee;
import org.offbook.model.Investment;
import org.offbook.model.Lease;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Role;
import org.offbook.model.Stake;
import org.offbook.model.Statement;
import org.offbook.prepare.Derivations;

/**
 * Computes the {@link Credit} view of a company from the facts (docs/credit.md): reported debt
 * from its latest balance sheet, recognised lease liabilities, vehicle debt consolidated where the
 * company is likely the primary beneficiary, guarantees and backstops added when probable, and
 * memo items; EBITDA, interest and the ratios where the figures are given. Every figure cites its
 * facts; a figure that is not given is named in {@code missing}, never taken as zero.
 */
public final class CreditView {

    /** Roles that bear on power over a vehicle's significant activities (ASC 810-10-25-38A(a)). */
    static final Set<String> POWER_ROLES = Set.of("construction-manager", "property-manager", "operator", "developer", "sponsor",
            "asset-manager", "servicer");

    private final List<Fact> facts;
    private final Map<String, String> names;
    private final Map<String, Entity> entities;
    private final Map<String, DebtTotal> debt = new java.util.HashMap<>();
    private final Network network;

    public CreditView(List<Fact> facts) {
        this.facts = facts;
        this.names = Entities.names(facts);
        this.network = new Network(facts, names);
        this.entities = Entities.byId(facts);
        for (DebtTotal d : Derivations.debtTotals(facts)) {
            debt.putIfAbsent(d.entity(), d);
        }
    }

    /** The timeline of the whole network, by date. */
    public List<Network.Event> timeline() {
        return Network.timeline(facts, names);
    }

    public String name(String id) {
        return names.getOrDefault(id, id);
    }

    public Credit of(String entity) {
        List<String> missing = new ArrayList<>();
        List<Credit.Adjustment> adj = new ArrayList<>();
        // reported debt: the latest balance sheet that gives it; else the company's own financings
        Statement bs = latest(entity, s -> s.totalDebt() != null);
        Money reported = null;
        LocalDate asOf = null;
        String basis;
        List<Provenance> reportedEvidence = new ArrayList<>();
        if (bs != null) {
            reported = bs.totalDebt();
            asOf = bs.end();
            basis = "total debt reported at " + bs.end() + (bs.period() == null || bs.period().startsWith("at ") ? "" : " (" + bs.period() + ")")
                    + "; its financings are taken as included in it";
            reportedEvidence.add(bs.provenance());
        } else if (debt.containsKey(entity)) {
            DebtTotal d = debt.get(entity);
            reported = d.amount();
            basis = "sum of its " + d.count() + " financing(s) with an amount; no balance sheet gives its total debt";
            d.basis().forEach(f -> reportedEvidence.add(f.provenance()));
        } else {
            basis = "not given";
            missing.add("reported debt: no statement gives " + name(entity) + "'s total debt and no financing of its states an amount");
        }
        recognisedLeases(entity, asOf, adj, missing);
        List<String> consolidated = vehicles(entity, asOf, adj, missing);
        supportsGiven(entity, consolidated, adj, missing);
        memos(entity, consolidated, adj);
        Money known = reported;
        Money ifCalled;
        for (Credit.Adjustment a : adj) {
            if (a.amount() != null && (a.tier().equals(Credit.RECOGNISED) || a.tier().equals(Credit.CONSOLIDATE))) {
                known = add(known, a.amount());
            }
        }
        ifCalled = known;
        for (Credit.Adjustment a : adj) {
            if (a.amount() != null && a.tier().equals(Credit.PROBABLE)) {
                ifCalled = add(ifCalled, a.amount());
            }
        }
        boolean complete = reported != null && adj.stream().filter(a -> !a.tier().equals(Credit.MEMO)).allMatch(a -> a.amount() != null)
                && missing.stream().noneMatch(m -> m.startsWith("lease liabilities"));
        Credit.Earnings earnings = earnings(entity, missing);
        BigDecimal debtToEbitda = null;
        BigDecimal ebitdaToInterest = null;
        BigDecimal ebitToInterest = null;
        if (earnings != null) {
            if (earnings.ebitda() != null && earnings.ebitda().amount().signum() <= 0) {
                missing.add("adjusted debt to EBITDA: not meaningful, EBITDA is " + earnings.ebitda().display());
            } else if (earnings.ebitda() != null && complete) {
                debtToEbitda = Credit.ratio(known, earnings.ebitda());
            } else if (earnings.ebitda() != null) {
                missing.add("adjusted debt to EBITDA: not computed, the adjusted debt is incomplete");
            }
            if (earnings.interest() != null && earnings.interest().amount().signum() == 0) {
                missing.add("interest cover: interest expense is zero, no ratio");
            } else {
                ebitdaToInterest = Credit.ratio(earnings.ebitda(), earnings.interest());
                if (earnings.operatingIncome() != null && earnings.interest() != null && earnings.operatingIncome().sameCurrency(earnings.interest())) {
                    ebitToInterest = earnings.operatingIncome().amount().divide(earnings.interest().amount(), 2, java.math.RoundingMode.HALF_UP);
                }
            }
        }
        return new Credit(entity, name(entity), reported, asOf, basis, List.copyOf(reportedEvidence), List.copyOf(adj), known, ifCalled, complete,
                earnings, debtToEbitda, ebitdaToInterest, ebitToInterest, List.copyOf(missing), network.obligations(entity, reported, reportedEvidence),
                network.recycled(entity), network.cycles(entity));
    }

    private static Money add(Money a, Money b) {
        if (a == null) {
            return b;
        }
        return a.sameCurrency(b) ? a.plus(b) : a;
    }

    private Statement latest(String entity, java.util.function.Predicate<Statement> has) {
        Statement best = null;
        for (Fact f : facts) {
            if (f instanceof Statement s && s.entity().equals(entity) && has.test(s) && (best == null || s.end().isAfter(best.end()))) {
                best = s;
            }
        }
        return best;
    }

    /** Operating and finance lease liabilities at the balance-sheet date: on the balance sheet, outside reported debt. */
    private void recognisedLeases(String entity, LocalDate asOf, List<Credit.Adjustment> adj, List<String> missing) {
        Statement s = latest(entity, x -> (asOf == null || x.end().equals(asOf))
                && (x.operatingLeaseLiabilities() != null || x.financeLeaseLiabilities() != null));
        boolean leases = facts.stream().anyMatch(f -> f instanceof Lease l && l.lessee().equals(entity));
        if (s == null) {
            if (asOf != null || leases) {
                missing.add("lease liabilities" + (asOf == null ? "" : " at " + asOf) + ": not given, so none are added (an agency would add them as debt)");
            }
            return;
        }
        if (s.operatingLeaseLiabilities() != null) {
            adj.add(new Credit.Adjustment(Credit.RECOGNISED, "operating lease liabilities", s.operatingLeaseLiabilities(),
                    "operating lease liabilities at " + s.end() + " (ASC 842): on the balance sheet but outside reported debt; added as debt",
                    List.of(s.provenance())));
        }
        if (s.financeLeaseLiabilities() != null) {
            adj.add(new Credit.Adjustment(Credit.RECOGNISED, "finance lease liabilities", s.financeLeaseLiabilities(),
                    "finance lease liabilities at " + s.end() + ": outside the long-term debt reported; added as debt",
                    List.of(s.provenance())));
        }
    }

    /**
     * Vehicles the company leases from, holds or supports: consolidated when it is likely the
     * primary beneficiary, else the debt its rent services is a memo. Returns the vehicles consolidated.
     */
    private List<String> vehicles(String entity, LocalDate asOf, List<Credit.Adjustment> adj, List<String> missing) {
        Set<String> related = new java.util.TreeSet<>();
        for (Fact f : facts) {
            if (f instanceof Lease l && l.lessee().equals(entity) && isVehicle(l.lessor())) {
                related.add(l.lessor());
            } else if (f instanceof Stake s && s.holder().equals(entity) && isVehicle(s.entity())) {
                related.add(s.entity());
            } else if (f instanceof Role r && r.entity().equals(entity) && isVehicle(r.target())) {
                related.add(r.target());
            }
        }
        List<String> consolidated = new ArrayList<>();
        for (String v : related) {
            Pb pb = primaryBeneficiary(entity, v);
            Money vehicleDebt = vehicleDebt(v);
            List<Provenance> ev = new ArrayList<>(pb.evidence());
            ev.addAll(vehicleDebtEvidence(v));
            if (pb.stakeBooking() != null && pb.stakeBooking().equals("consolidated")) {
                continue; // already on the balance sheet
            }
            if (pb.likely()) {
                consolidated.add(v);
                if (vehicleDebt == null) {
                    missing.add("debt of " + name(v) + ": not given, so its consolidation adds nothing");
                }
                String overlap = leaseOverlap(entity, v, asOf, missing);
                adj.add(new Credit.Adjustment(Credit.CONSOLIDATE, "vehicle debt", vehicleDebt,
                        name(v) + "'s debt" + (vehicleDebt == null ? "" : " of " + vehicleDebt.display())
                                + ": " + name(entity) + " is likely the primary beneficiary (" + pb.reasons() + "; ASC 810-10-25-38A)" + overlap,
                        sorted(ev)));
            } else if (pb.soleLessee()) {
                adj.add(new Credit.Adjustment(Credit.MEMO, "vehicle debt serviced by its rent", vehicleDebt,
                        name(v) + "'s debt" + (vehicleDebt == null ? " (amount not given)" : " of " + vehicleDebt.display())
                                + " is serviced from " + name(entity) + "'s rent; not consolidated (" + pb.reasons() + ")", sorted(ev)));
                for (Fact f : facts) {
                    if (f instanceof Lease l && l.lessee().equals(entity) && l.lessor().equals(v) && l.pvPayments() == null && l.totalPayments() == null) {
                        missing.add("lease payments or lease liability of " + (l.id() == null ? "the lease from " + name(v) : l.id())
                                + " (" + l.provenance() + "): not given, so the lease the agencies would add as debt is not counted");
                    }
                }
            }
        }
        return consolidated;
    }

    /** What part of the consolidated vehicle's debt is already in the company's lease liabilities, in words. */
    private String leaseOverlap(String entity, String v, LocalDate asOf, List<String> missing) {
        LocalDate vehicleDated = null;
        for (Fact f : facts) {
            if (f instanceof Statement s && s.entity().equals(v) && s.totalDebt() != null) {
                vehicleDated = s.end();
            } else if (f instanceof Financing fin && fin.borrower().equals(v) && fin.start() != null
                    && (vehicleDated == null || fin.start().isBefore(vehicleDated))) {
                vehicleDated = fin.start();
            }
        }
        for (Fact f : facts) {
            if (f instanceof Lease l && l.lessee().equals(entity) && l.lessor().equals(v)) {
                if (asOf != null && vehicleDated != null && vehicleDated.isAfter(asOf)) {
                    return "; the vehicle's debt is dated " + vehicleDated + ", after the balance sheet of " + asOf
                            + ", so its lease is not in the lease liabilities above and nothing is deducted";
                }
                if (l.pvPayments() != null) {
                    return "; its lease liability of " + l.pvPayments().display() + " is already counted in the lease liabilities"
                            + " (deduct it when the lease had commenced by the balance-sheet date)";
                }
                missing.add("lease liability of " + (l.id() == null ? "the lease from " + name(v) : l.id())
                        + ": not given, so any part of it already in the lease liabilities cannot be deducted");
                return "; any lease liability already recognised for its lease is not given (see missing)";
            }
        }
        return "";
    }

    record Pb(boolean likely, boolean soleLessee, String stakeBooking, String reasons, List<Provenance> evidence) {
    }

    /**
     * Likely primary beneficiary: more than half of the equity not consolidated; or the only lessee
     * with a variable interest beyond the lease (residual value guarantee, purchase option,
     * guarantee, stake) and power (a management role), or no other party holding a power role.
     */
    Pb primaryBeneficiary(String entity, String v) {
        List<String> reasons = new ArrayList<>();
        List<Provenance> ev = new ArrayList<>();
        Set<String> lessees = new java.util.TreeSet<>();
        boolean interest = false;
        boolean power = false;
        boolean othersPower = false;
        BigDecimal stake = null;
        String booking = null;
        for (Fact f : facts) {
            if (f instanceof Lease l && l.lessor().equals(v)) {
                lessees.add(l.lessee());
                if (l.lessee().equals(entity)) {
                    ev.add(l.provenance());
                    if (Boolean.TRUE.equals(l.residualValueGuarantee())) {
                        interest = true;
                        reasons.add("residual value guarantee" + (l.rvgYears() == null ? "" : " over " + l.rvgYears().stripTrailingZeros().toPlainString() + " years")
                                + (l.rvgAmount() == null ? ", cap not given" : ", cap " + l.rvgAmount().display()));
                    }
                    if (Boolean.TRUE.equals(l.purchaseOption())) {
                        interest = true;
                        reasons.add("purchase option on the leased asset");
                    }
                }
            } else if (f instanceof Stake s && s.entity().equals(v) && s.holder().equals(entity)) {
                stake = s.share();
                booking = s.booking();
                interest = true;
                reasons.add("holds " + org.offbook.model.Numbers.percent(s.share()) + (s.booking() == null ? "" : " (" + s.booking() + ")"));
                ev.add(s.provenance());
            } else if (f instanceof Guarantee g && g.obligor().equals(v) && g.guarantor().equals(entity)) {
                interest = true;
                reasons.add("guarantees its obligations");
                ev.add(g.provenance());
            } else if (f instanceof Role r && r.target().equals(v) && POWER_ROLES.contains(r.role())) {
                if (r.entity().equals(entity)) {
                    power = true;
                    reasons.add(r.role().replace('-', ' '));
                    ev.add(r.provenance());
                } else {
                    othersPower = true;
                    reasons.add(name(r.entity()) + " is " + r.role().replace('-', ' '));
                    ev.add(r.provenance());
                }
            }
        }
        boolean sole = lessees.size() == 1 && lessees.contains(entity);
        if (sole) {
            reasons.add(0, "only lessee");
        }
        boolean majority = stake != null && stake.compareTo(new BigDecimal("0.5")) > 0;
        boolean likely = majority || (sole && interest && (power || !othersPower));
        if (!likely && sole && !interest) {
            reasons.add("no variable interest beyond the lease");
        }
        return new Pb(likely, sole, booking, String.join(", ", reasons.stream().distinct().toList()), ev);
    }

    private boolean isVehicle(String id) {
        Entity e = entities.get(id);
        return e != null && e.isVehicle();
    }

    private Money vehicleDebt(String v) {
        DebtTotal d = debt.get(v);
        if (d != null) {
            return d.amount();
        }
        Statement s = latest(v, x -> x.totalDebt() != null);
        return s == null ? null : s.totalDebt();
    }

    private List<Provenance> vehicleDebtEvidence(String v) {
        DebtTotal d = debt.get(v);
        if (d != null) {
            return d.basis().stream().map(Fact::provenance).toList();
        }
        Statement s = latest(v, x -> x.totalDebt() != null);
        return s == null ? List.of() : List.of(s.provenance());
    }

    /** Guarantees and backstops the company gives: added when probable; a missing cap is named. */
    private void supportsGiven(String entity, List<String> consolidated, List<Credit.Adjustment> adj, List<String> missing) {
        for (Fact f : facts) {
            if (f instanceof Guarantee g && g.guarantor().equals(entity) && !consolidated.contains(g.obligor())) {
                if (g.maxExposure() == null) {
                    missing.add("maximum of the guarantee " + (g.id() == null ? "of " + name(g.obligor()) : g.id()) + " (" + g.provenance() + ")");
                }
                adj.add(new Credit.Adjustment(Credit.PROBABLE, "guarantee", g.maxExposure(),
                        "guarantees " + name(g.obligor()) + "'s " + (g.kind() == null ? "obligations" : g.kind().replace('-', ' '))
                                + (g.beneficiary() == null ? "" : " to " + name(g.beneficiary()))
                                + (g.maxExposure() == null ? ", maximum not given" : ", up to " + g.maxExposure().display())
                                + "; debt if called (ASC 460-10-50-4 maximum potential payments)", List.of(g.provenance())));
            } else if (f instanceof Backstop b && b.backer().equals(entity)) {
                if (b.amount() == null) {
                    missing.add("amount of the backstop " + (b.id() == null ? "of " + name(b.provider()) : b.id()) + " (" + b.provenance() + ")");
                }
                adj.add(new Credit.Adjustment(Credit.PROBABLE, "capacity backstop", b.amount(),
                        "commits to buy " + name(b.provider()) + "'s unsold capacity" + (b.amount() == null ? "" : ", up to " + b.amount().display())
                                + (b.end() == null ? "" : " through " + b.end().getYear()) + "; a purchase obligation that becomes debt-like when called",
                        List.of(b.provenance())));
            } else if (f instanceof Lease l && l.lessee().equals(entity) && !consolidated.contains(l.lessor()) && Boolean.TRUE.equals(l.residualValueGuarantee())) {
                if (l.rvgAmount() == null) {
                    missing.add("cap of the residual value guarantee on " + (l.id() == null ? "the lease from " + name(l.lessor()) : l.id()));
                }
                adj.add(new Credit.Adjustment(Credit.PROBABLE, "residual value guarantee", l.rvgAmount(),
                        "guarantees the residual value of " + (l.asset() == null ? "the leased asset" : l.asset())
                                + (l.rvgAmount() == null ? ", cap not given" : " up to " + l.rvgAmount().display()), List.of(l.provenance())));
            }
        }
    }

    /** Leases not yet commenced, purchase obligations, the company's own VIE exposure and non-binding commitments: shown, not added. */
    private void memos(String entity, List<String> consolidated, List<Credit.Adjustment> adj) {
        Statement lnc = latest(entity, s -> s.leasesNotCommenced() != null);
        Disclosure lncD = latestDisclosure(entity, "leases-not-commenced");
        if (lnc != null && (lncD == null || !lncD.end().isAfter(lnc.end()))) {
            adj.add(memo("leases not yet commenced", lnc.leasesNotCommenced(), "leases signed but not commenced at " + lnc.end()
                    + " (ASC 842-20-50-3(b)): debt once they commence", lnc.provenance()));
        } else if (lncD != null) {
            adj.add(memo("leases not yet commenced", lncD.amount(), "leases signed but not commenced at " + lncD.end()
                    + " (ASC 842-20-50-3(b)): debt once they commence", lncD.provenance()));
        }
        Statement po = latest(entity, s -> s.purchaseObligations() != null);
        if (po != null) {
            adj.add(memo("purchase obligations", po.purchaseObligations(), "unrecorded unconditional purchase obligations at " + po.end()
                    + " (ASC 440-10-50-2)", po.provenance()));
        }
        Statement vie = latest(entity, s -> s.vieMaximumExposure() != null);
        if (vie != null) {
            adj.add(memo("reported VIE maximum exposure", vie.vieMaximumExposure(), name(entity) + "'s own maximum exposure to loss from "
                    + "unconsolidated VIEs at " + vie.end() + (consolidated.isEmpty() ? "; not debt, shown for comparison"
                    : "; not added: the vehicle debt consolidated above already carries it"), vie.provenance()));
        }
        for (Fact f : facts) {
            if (f instanceof Contract c && c.buyer().equals(entity)) {
                String status = c.isBinding() ? "binding" : c.status().replace('-', ' ');
                adj.add(memo(c.isBinding() ? "purchase commitment" : "purchase commitment (" + status + ")", c.amount(),
                        "buys " + (c.what() == null ? "goods and services" : c.what().replace('-', ' ')) + " from " + name(c.seller())
                                + (c.amount() == null ? " (amount not given)" : " for " + c.amount().display()) + " (" + status + ")"
                                + (c.isBinding() ? "; executory, not debt" : "; not binding, never added"), c.provenance()));
            } else if (f instanceof Investment i && i.investor().equals(entity) && !i.isBinding()) {
                adj.add(memo("investment commitment (" + i.status().replace('-', ' ') + ")", i.amount(), "intends to invest"
                        + (i.amount() == null ? "" : " up to " + i.amount().display()) + " in " + name(i.investee()) + " (" + i.status().replace('-', ' ')
                        + "); not binding, never added", i.provenance()));
            }
        }
    }

    private static Credit.Adjustment memo(String kind, Money amount, String text, Provenance p) {
        return new Credit.Adjustment(Credit.MEMO, kind, amount, text, List.of(p));
    }

    private Disclosure latestDisclosure(String entity, String kind) {
        Disclosure best = null;
        for (Fact f : facts) {
            if (f instanceof Disclosure d && d.entity().equals(entity) && d.kind().equals(kind) && d.amount() != null
                    && (best == null || d.end().isAfter(best.end()))) {
                best = d;
            }
        }
        return best;
    }

    /** EBITDA, operating income and interest of the latest annual period that gives operating income. */
    private Credit.Earnings earnings(String entity, List<String> missing) {
        Statement s = latest(entity, x -> x.isAnnual() && x.operatingIncome() != null);
        if (s == null) {
            missing.add("EBITDA: no annual statement gives " + name(entity) + "'s operating income");
            return null;
        }
        String label = s.period() == null ? String.valueOf(s.end()) : s.period();
        Money ebitda = null;
        if (s.depreciationAmortization() == null) {
            missing.add("EBITDA: depreciation and amortisation for " + label + " not given (operating income " + s.operatingIncome().display() + ")");
        } else if (s.operatingIncome().sameCurrency(s.depreciationAmortization())) {
            ebitda = s.operatingIncome().plus(s.depreciationAmortization());
        }
        if (s.interestExpense() == null) {
            missing.add("interest expense for " + label + ": not given, so no interest cover");
        }
        return new Credit.Earnings(label, s.end(), s.operatingIncome(), s.depreciationAmortization(), ebitda, s.interestExpense(), List.of(s.provenance()));
    }

    private static List<Provenance> sorted(List<Provenance> ps) {
        return ps.stream().distinct().sorted().toList();
    }
}
