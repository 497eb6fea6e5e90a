package org.offbook.prepare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Backstop;
import org.offbook.model.DebtTotal;
import org.offbook.model.Entities;
import org.offbook.model.Fact;
import org.offbook.model.Financing;
import org.offbook.model.Guarantee;
import org.offbook.model.Lease;
import org.offbook.model.Money;
import org.offbook.model.Role;
import org.offbook.model.Support;
import org.offbook.model.Threshold;
import org.offbook.prepare.graph.CycleFinder;
import org.offbook.prepare.graph.Cycles;
import org.offbook.prepare.graph.MoneyGraph;

/**
 * Computes the derived facts rules match on. This is preparation, not judgement: totals and a
 * uniform view of supports. Whether any of it is a concern is decided in DRL.
 */
public final class Derivations {

    private Derivations() {
    }

    /** Derived facts, and problems the preparation ran into (a cycle search cut short). */
    public record Prepared(List<Object> facts, List<String> problems) {
    }

    /** Default limits of the cycle search when thresholds.csv does not set them. */
    static final int CYCLE_LENGTH_MAX = 6;
    static final int CYCLE_SEARCH_MAX = 10_000;

    public static List<Object> derive(List<Fact> facts) {
        return derive(facts, List.of()).facts();
    }

    public static Prepared derive(List<Fact> facts, List<Threshold> thresholds) {
        return derive(facts, thresholds, type -> true);
    }

    /**
     * Only the derived facts of the types {@code wanted} accepts: the rule runner asks for those some
     * rule matches, so that a rule set without a cycle rule does not pay for the cycle search.
     */
    public static Prepared derive(List<Fact> facts, List<Threshold> thresholds, java.util.function.Predicate<Class<?>> wanted) {
        return derive(facts, thresholds, wanted, Long.MAX_VALUE);
    }

    /** As above, with the cycle search bounded by {@code deadline} (a {@link System#nanoTime()} value) as well as its work budget. */
    public static Prepared derive(List<Fact> facts, List<Threshold> thresholds, java.util.function.Predicate<Class<?>> wanted, long deadline) {
        List<Object> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (wanted.test(DebtTotal.class)) {
            out.addAll(debtTotals(facts));
        }
        if (wanted.test(Support.class)) {
            out.addAll(supports(facts));
        }
        if (wanted.test(org.offbook.model.InterestCoverage.class)) {
            out.addAll(Coverages.of(facts));
        }
        if (wanted.test(org.offbook.model.DisclosureRatio.class)) {
            out.addAll(DisclosureRatios.of(facts));
        }
        if (!wanted.test(org.offbook.model.Cycle.class)) {
            return new Prepared(out, problems);
        }
        int maxLength = threshold(thresholds, "cycle.length.max", CYCLE_LENGTH_MAX);
        int maxCycles = threshold(thresholds, "cycle.search.max", CYCLE_SEARCH_MAX);
        MoneyGraph graph = MoneyGraph.of(facts);
        CycleFinder.Result found = CycleFinder.find(graph, maxLength, maxCycles, deadline, CycleFinder.DEFAULT_MAX_STEPS);
        if (found.cutShort() != null) {
            problems.add("the cycle search was cut short (" + found.cutShort() + ") after finding " + found.cycles().size()
                    + " cycles; further cycles were not examined: lower cycle.length.max in thresholds.csv, or give more time with --timeout");
        } else if (found.truncated()) {
            problems.add("the cycle search stopped after " + maxCycles + " cycles (cycle.search.max); longer or further cycles "
                    + "were not examined: raise cycle.search.max or lower cycle.length.max in thresholds.csv");
        }
        out.addAll(Cycles.of(graph, found, Entities.names(facts)));
        return new Prepared(out, problems);
    }

    private static int threshold(List<Threshold> thresholds, String name, int fallback) {
        for (Threshold t : thresholds) {
            if (t.name().equals(name)) {
                return t.value().intValue();
            }
        }
        return fallback;
    }

    public static List<DebtTotal> debtTotals(List<Fact> facts) {
        Map<String, List<Financing>> byBorrowerCurrency = new TreeMap<>();
        for (Fact f : facts) {
            if (f instanceof Financing d && d.amount() != null) {
                byBorrowerCurrency.computeIfAbsent(d.borrower() + "\u0000" + d.amount().currency(), k -> new ArrayList<>()).add(d);
            }
        }
        List<DebtTotal> out = new ArrayList<>();
        for (List<Financing> group : byBorrowerCurrency.values()) {
            Money sum = new Money(BigDecimal.ZERO, group.get(0).amount().currency());
            LocalDate latest = null;
            BigDecimal longestTenor = null;
            BigDecimal extensions = null;
            for (Financing d : group) {
                sum = sum.plus(d.amount());
                LocalDate maturity = maturityOf(d);
                if (maturity != null && (latest == null || maturity.isAfter(latest))) {
                    latest = maturity;
                }
                if (d.getTenorYears() != null && (longestTenor == null || d.getTenorYears().compareTo(longestTenor) > 0)) {
                    longestTenor = d.getTenorYears();
                    extensions = d.extensionYears();
                }
            }
            String terms;
            if (latest != null) {
                terms = "latest maturity " + latest.getYear();
            } else if (longestTenor != null) {
                terms = "tenor " + plain(longestTenor) + " years"
                        + (extensions == null || extensions.signum() == 0 ? "" : " plus " + plain(extensions) + " years of extension options");
            } else {
                terms = "maturity not disclosed";
            }
            out.add(new DebtTotal(group.get(0).borrower(), sum, group.size(), latest, terms, List.copyOf(group)));
        }
        return out;
    }

    static List<Support> supports(List<Fact> facts) {
        List<Support> out = new ArrayList<>();
        for (Fact f : facts) {
            if (f instanceof Lease l) {
                if (Boolean.TRUE.equals(l.residualValueGuarantee()) || l.rvgAmount() != null) {
                    String cap = l.rvgAmount() == null ? "cap not disclosed" : "capped at " + l.rvgAmount().display();
                    String years = l.rvgYears() == null ? "" : " covering the first " + plain(l.rvgYears()) + " years";
                    out.add(new Support(l.lessee(), l.lessor(), "residual-value-guarantee",
                            "residual value guarantee" + years + " (" + cap + ")", List.of(l)));
                }
                if (Boolean.TRUE.equals(l.purchaseOption())) {
                    out.add(new Support(l.lessee(), l.lessor(), "purchase-option", "option to buy the leased "
                            + (l.asset() == null ? "asset" : l.asset()), List.of(l)));
                }
            } else if (f instanceof Guarantee g) {
                // a guarantee of kind residual-value is the same support as a lease's residual value guarantee
                String kind = g.kind() == null ? "guarantee" : g.kind().equals("residual-value") ? "residual-value-guarantee" : g.kind();
                String max = g.maxExposure() == null ? "" : " up to " + g.maxExposure().display();
                out.add(new Support(g.guarantor(), g.obligor(), kind, kind.replace('-', ' ') + " of its obligations" + max, List.of(g)));
            } else if (f instanceof Backstop b) {
                String max = b.amount() == null ? "" : " up to " + b.amount().display();
                out.add(new Support(b.backer(), b.provider(), "capacity-backstop", "commitment to buy unsold capacity" + max, List.of(b)));
            } else if (f instanceof Role r) {
                out.add(new Support(r.entity(), r.target(), r.role(), r.role().replace('-', ' '), List.of(r)));
            }
        }
        return out;
    }

    /** A maturity date, or the start plus the tenor; null when neither is known. */
    public static LocalDate maturityOf(Financing d) {
        if (d.maturity() != null) {
            return d.maturity();
        }
        if (d.start() != null && d.termYears() != null) {
            return d.start().plusMonths(d.termYears().multiply(BigDecimal.valueOf(12)).longValue());
        }
        return null;
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
