package org.offbook.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offbook.model.Backstop;
import org.offbook.model.Concentration;
import org.offbook.model.Contract;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.Financing;
import org.offbook.model.Guarantee;
import org.offbook.model.Lease;
import org.offbook.model.Role;
import org.offbook.model.Stake;
import org.offbook.model.Statement;
import org.offbook.model.Threshold;

/**
 * The benchmark's plain-Java baseline: five shipped rules, one per family, written directly as
 * hash joins over the loaded facts, with no rule engine. Each method reproduces the conditions of
 * its DRL file exactly (same thresholds from {@code thresholds.csv}, same null handling, one
 * result per match as Drools fires once per match), and reports (rule, subject, related) only:
 * no explanations, evidence or fingerprints. The benchmark checks that offbook reports the same
 * findings for these rules on the same facts, and compares the time.
 *
 * <ul>
 *   <li>SPV-001: minority stake in a leveraged vehicle whose sole tenant it is and which it supports</li>
 *   <li>LEASE-003: lease term longer than the leased asset's economic life</li>
 *   <li>VENDOR-001: supplier holds equity in a customer bound to buy from it</li>
 *   <li>CONC-001: one customer's share of revenue in the latest period disclosed</li>
 *   <li>COVER-001: interest expense above operating income in the latest period</li>
 * </ul>
 */
public final class JavaBaseline {

    /** The rules the baseline implements. */
    public static final List<String> RULES = List.of("SPV-001", "LEASE-003", "VENDOR-001", "CONC-001", "COVER-001");

    private JavaBaseline() {
    }

    /** Runs the five rules; one key per match (a multiset: the same key twice means two matches). */
    public static List<FindingKey> run(List<Fact> facts, List<Threshold> thresholds) {
        Map<String, BigDecimal> t = new HashMap<>();
        for (Threshold th : thresholds) {
            t.put(th.name(), th.value());
        }
        Index ix = new Index(facts);
        List<FindingKey> out = new ArrayList<>();
        spv001(ix, t, out);
        lease003(ix, t, out);
        vendor001(ix, t, out);
        conc001(ix, t, out);
        cover001(ix, t, out);
        return out;
    }

    /** The facts by type and by the keys the five rules join on. */
    private static final class Index {
        final Map<String, Entity> entities = new HashMap<>();
        final List<Entity> vehicles = new ArrayList<>();
        final List<Lease> leases = new ArrayList<>();
        final List<Stake> stakes = new ArrayList<>();
        final List<Concentration> concentrations = new ArrayList<>();
        final List<Statement> statements = new ArrayList<>();
        final Map<String, List<Stake>> stakesByEntity = new HashMap<>();
        final Map<String, List<Lease>> leasesByLessor = new HashMap<>();
        /** Debt per borrower and currency, summed as DebtTotal is (financings with an amount). */
        final Map<String, Map<String, BigDecimal>> debt = new HashMap<>();
        /** Supports per supporter and supported entity, counted as Derivations derives them. */
        final Map<String, Integer> supports = new HashMap<>();
        final Set<String> bindingPurchases = new HashSet<>();

        Index(List<Fact> facts) {
            for (Fact f : facts) {
                if (f instanceof Entity e) {
                    entities.put(e.id(), e);
                    if (e.isVehicle()) {
                        vehicles.add(e);
                    }
                } else if (f instanceof Statement s) {
                    statements.add(s);
                } else if (f instanceof Lease l) {
                    leases.add(l);
                    leasesByLessor.computeIfAbsent(l.lessor(), k -> new ArrayList<>()).add(l);
                    if (Boolean.TRUE.equals(l.residualValueGuarantee()) || l.rvgAmount() != null) {
                        support(l.lessee(), l.lessor());
                    }
                    if (Boolean.TRUE.equals(l.purchaseOption())) {
                        support(l.lessee(), l.lessor());
                    }
                } else if (f instanceof Stake s) {
                    stakes.add(s);
                    stakesByEntity.computeIfAbsent(s.entity(), k -> new ArrayList<>()).add(s);
                } else if (f instanceof Financing d) {
                    if (d.amount() != null) {
                        debt.computeIfAbsent(d.borrower(), k -> new HashMap<>())
                                .merge(d.amount().currency(), d.amount().amount(), BigDecimal::add);
                    }
                } else if (f instanceof Contract c) {
                    if (c.isBinding()) {
                        bindingPurchases.add(pair(c.buyer(), c.seller()));
                    }
                } else if (f instanceof Concentration c) {
                    concentrations.add(c);
                } else if (f instanceof Guarantee g) {
                    support(g.guarantor(), g.obligor());
                } else if (f instanceof Backstop b) {
                    support(b.backer(), b.provider());
                } else if (f instanceof Role r) {
                    support(r.entity(), r.target());
                }
            }
        }

        private void support(String from, String to) {
            supports.merge(pair(from, to), 1, Integer::sum);
        }
    }

    private static String pair(String a, String b) {
        return a + '\u0000' + b;
    }

    private static BigDecimal threshold(Map<String, BigDecimal> t, String name) {
        return t.get(name);
    }

    /**
     * SPV-001: a vehicle with debt of at least spv.debt.min in one currency; a stake in it of at most
     * spv.stake.max not booked as consolidated; the holder leases from the vehicle and nobody else
     * does; the holder gives the vehicle at least spv.supports.min supports.
     */
    static void spv001(Index ix, Map<String, BigDecimal> t, List<FindingKey> out) {
        BigDecimal maxStake = threshold(t, "spv.stake.max");
        BigDecimal minDebt = threshold(t, "spv.debt.min");
        BigDecimal minSupports = threshold(t, "spv.supports.min");
        if (maxStake == null || minDebt == null || minSupports == null) {
            return;
        }
        for (Entity v : ix.vehicles) {
            Map<String, BigDecimal> debts = ix.debt.get(v.id());
            List<Stake> stakes = ix.stakesByEntity.get(v.id());
            List<Lease> leases = ix.leasesByLessor.get(v.id());
            if (debts == null || stakes == null || leases == null) {
                continue;
            }
            for (BigDecimal debt : debts.values()) {
                if (debt.compareTo(minDebt) < 0) {
                    continue;
                }
                for (Stake s : stakes) {
                    if (s.share().compareTo(maxStake) > 0 || "consolidated".equals(s.booking()) || !ix.entities.containsKey(s.holder())) {
                        continue;
                    }
                    String holder = s.holder();
                    boolean soleTenant = true;
                    int holderLeases = 0;
                    for (Lease l : leases) {
                        if (l.lessee().equals(holder)) {
                            holderLeases++;
                        } else {
                            soleTenant = false;
                        }
                    }
                    if (!soleTenant || holderLeases == 0) {
                        continue;
                    }
                    int supports = ix.supports.getOrDefault(pair(holder, v.id()), 0);
                    if (BigDecimal.valueOf(supports).compareTo(minSupports) < 0) {
                        continue;
                    }
                    for (int k = 0; k < holderLeases; k++) {
                        out.add(FindingKey.of("SPV-001", holder, List.of(v.id())));
                    }
                }
            }
        }
    }

    /** LEASE-003: a lease whose term to asset life (4 decimals) is above lease.tenor-to-life.max. */
    static void lease003(Index ix, Map<String, BigDecimal> t, List<FindingKey> out) {
        BigDecimal max = threshold(t, "lease.tenor-to-life.max");
        if (max == null) {
            return;
        }
        for (Lease l : ix.leases) {
            BigDecimal ratio = l.getTermToLife();
            if (ratio != null && ratio.compareTo(max) > 0 && ix.entities.containsKey(l.lessee()) && ix.entities.containsKey(l.lessor())) {
                out.add(FindingKey.of("LEASE-003", l.lessee(), List.of(l.lessor())));
            }
        }
    }

    /**
     * VENDOR-001: a stake above vendor.stake.min, not consolidated, in another entity; no later
     * stake of the same holder in the same entity (when both are dated); the entity buys from the
     * holder under at least one binding contract.
     */
    static void vendor001(Index ix, Map<String, BigDecimal> t, List<FindingKey> out) {
        BigDecimal min = threshold(t, "vendor.stake.min");
        if (min == null) {
            return;
        }
        Map<String, List<Stake>> byPair = new HashMap<>();
        for (Stake s : ix.stakes) {
            byPair.computeIfAbsent(pair(s.holder(), s.entity()), k -> new ArrayList<>()).add(s);
        }
        for (Stake s : ix.stakes) {
            if (s.share().compareTo(min) <= 0 || "consolidated".equals(s.booking()) || s.holder().equals(s.entity())) {
                continue;
            }
            String key = pair(s.holder(), s.entity());
            boolean later = false;
            if (s.asOf() != null) {
                for (Stake o : byPair.get(key)) {
                    if (o.asOf() != null && o.asOf().isAfter(s.asOf())) {
                        later = true;
                        break;
                    }
                }
            }
            if (later || !ix.bindingPurchases.contains(pair(s.entity(), s.holder()))) {
                continue;
            }
            if (ix.entities.containsKey(s.holder()) && ix.entities.containsKey(s.entity())) {
                out.add(FindingKey.of("VENDOR-001", s.holder(), List.of(s.entity())));
            }
        }
    }

    /**
     * CONC-001: a revenue concentration at or above conc.share.info with no later one (both dated)
     * for the same entity and customer.
     */
    static void conc001(Index ix, Map<String, BigDecimal> t, List<FindingKey> out) {
        BigDecimal info = threshold(t, "conc.share.info");
        if (info == null || threshold(t, "conc.share.medium") == null || threshold(t, "conc.share.high") == null) {
            return;
        }
        Map<String, java.time.LocalDate> latest = new HashMap<>();
        for (Concentration c : ix.concentrations) {
            if (c.basis().equals("revenue") && c.end() != null) {
                latest.merge(pair(c.entity(), c.customer()), c.end(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (Concentration c : ix.concentrations) {
            if (!c.basis().equals("revenue") || c.share().compareTo(info) < 0) {
                continue;
            }
            java.time.LocalDate last = latest.get(pair(c.entity(), c.customer()));
            if (c.end() != null && last != null && last.isAfter(c.end())) {
                continue;
            }
            if (ix.entities.containsKey(c.entity()) && ix.entities.containsKey(c.customer())) {
                out.add(FindingKey.of("CONC-001", c.entity(), List.of(c.customer())));
            }
        }
    }

    /**
     * COVER-001: the latest statement (by end) with both operating income and interest expense;
     * where its interest is positive and operating income / interest (same currency) is below
     * cover.interest-coverage.min.
     */
    static void cover001(Index ix, Map<String, BigDecimal> t, List<FindingKey> out) {
        BigDecimal min = threshold(t, "cover.interest-coverage.min");
        if (min == null) {
            return;
        }
        Map<String, java.time.LocalDate> latest = new HashMap<>();
        for (Statement s : ix.statements) {
            if (s.operatingIncome() != null && s.interestExpense() != null) {
                latest.merge(s.entity(), s.end(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (Statement s : ix.statements) {
            if (s.operatingIncome() == null || s.interestExpense() == null || s.interestExpense().amount().signum() <= 0
                    || latest.get(s.entity()).isAfter(s.end())) {
                continue;
            }
            BigDecimal cover = s.operatingIncome().ratio(s.interestExpense());
            if (cover != null && cover.compareTo(min) < 0 && ix.entities.containsKey(s.entity())) {
                out.add(FindingKey.of("COVER-001", s.entity(), List.of()));
            }
        }
    }
}
