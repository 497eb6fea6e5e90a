package org.offbook.findings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.offbook.model.Fact;
import org.offbook.model.Finding;
import org.offbook.model.Money;
import org.offbook.model.Numbers;
import org.offbook.model.Severity;
import org.offbook.model.Statement;
import org.offbook.model.Threshold;

/**
 * Frames the findings of one run as a whole (issue 16, items 6 and 7), after each has been built:
 * <ul>
 * <li><b>structure</b>: findings about the same set of entities (a company, its vehicle, that vehicle's
 *     debt, lease and guarantee) carry one structure key, so reports can show them together;</li>
 * <li><b>same money</b>: findings whose amounts are the same money are linked and the amount is
 *     counted once, in the first of them: the same amount in the same currency among findings that
 *     share two or more entities (Meta's vehicle debt under SPV-001, SPV-002, SPV-004, LEASE-001 and
 *     LEASE-006), or an amount its rule declares part of another rule's finding on the same subject
 *     ({@code @partOf}: COVER-002's quarters inside COVER-001's year);</li>
 * <li><b>materiality</b>: a risk finding's amount against the subject's size (equity for debt-like and
 *     contingent amounts, revenue for the rest, the other when one is missing), with the severity
 *     capped or raised by the {@code materiality.*} thresholds of the rule folder; where neither size is
 *     known the finding says so and keeps its rule's severity.</li>
 * </ul>
 */
public final class Framings {

    static final String MINOR = "materiality.minor.max";
    static final String MODERATE = "materiality.moderate.max";
    static final String MAJOR = "materiality.major.min";
    /** The kinds of amount that are an exposure of the subject, and so scale its severity. */
    static final java.util.Set<String> SCALED = java.util.Set.of("debt-like", "contingent-maximum", "revenue-at-risk",
            "contract-value", "non-binding", "debt-service");

    private Framings() {
    }

    /** The findings framed, in the same order. */
    public static List<Finding> apply(List<Finding> findings, List<? extends Fact> facts, List<Threshold> thresholds) {
        Map<String, BigDecimal> t = new HashMap<>();
        thresholds.forEach(x -> t.put(x.name(), x.value()));
        Sizes sizes = Sizes.of(facts);
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(materiality(f, sizes, t));
        }
        out.sort(Findings.ORDER); // a severity scaled by materiality moves the finding
        return link(out);
    }

    // ---- structures and the same money

    static String structure(Finding f) {
        return String.join("+", new TreeSet<>(f.entities()));
    }

    static List<Finding> link(List<Finding> findings) {
        int n = findings.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        // the same amount and currency among findings sharing two or more entities (or the one entity of both)
        Map<String, List<Integer>> byAmount = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Finding f = findings.get(i);
            if (f.amount() != null && f.isRisk()) {
                byAmount.computeIfAbsent(f.amount().currency() + " " + f.amount().amount().toPlainString(), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> same : byAmount.values()) {
            for (int a = 0; a < same.size(); a++) {
                for (int b = a + 1; b < same.size(); b++) {
                    if (shareEnough(findings.get(same.get(a)), findings.get(same.get(b)))) {
                        union(parent, same.get(a), same.get(b));
                    }
                }
            }
        }
        // declared: this rule's amount is part of another rule's finding on the same subject
        Map<String, Integer> byRuleAndSubject = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byRuleAndSubject.putIfAbsent(findings.get(i).ruleId() + "\n" + findings.get(i).subject(), i);
        }
        boolean[] partOf = new boolean[n];
        for (int i = 0; i < n; i++) {
            Finding f = findings.get(i);
            String whole = f.framing().partOf();
            Integer j = whole == null || f.amount() == null ? null : byRuleAndSubject.get(whole + "\n" + f.subject());
            if (j != null && findings.get(j).amount() != null && findings.get(j).isRisk()) {
                union(parent, i, j);
                partOf[i] = true;
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<Finding> out = new ArrayList<>(findings);
        for (List<Integer> g : groups.values()) {
            // the amount is counted in the first finding of the group that is not declared part of another
            int counted = g.stream().filter(i -> !partOf[i]).findFirst().orElse(g.get(0));
            for (int i : g) {
                List<String> others = new ArrayList<>();
                for (int j : g) {
                    if (j != i) {
                        others.add(findings.get(j).fingerprint());
                    }
                }
                Finding f = findings.get(i);
                out.set(i, f.withFraming(f.framing().withLinks(structure(f), others, f.amount() == null || i == counted)));
            }
        }
        return out;
    }

    private static boolean shareEnough(Finding a, Finding b) {
        TreeSet<String> common = new TreeSet<>(a.entities());
        common.retainAll(b.entities());
        return common.size() >= 2 || (common.size() == 1 && a.entities().size() == 1 && b.entities().size() == 1);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    // ---- materiality

    /** The latest annual revenue and the latest equity each entity reports. */
    record Sizes(Map<String, Statement> revenue, Map<String, Statement> equity) {
        static Sizes of(List<? extends Fact> facts) {
            Map<String, Statement> revenue = new HashMap<>();
            Map<String, Statement> equity = new HashMap<>();
            for (Fact f : facts) {
                if (f instanceof Statement s) {
                    if (s.revenue() != null && s.isAnnual() && s.revenue().isPositive()) {
                        revenue.merge(s.entity(), s, Sizes::later);
                    }
                    if (s.equity() != null && s.equity().isPositive()) {
                        equity.merge(s.entity(), s, Sizes::later);
                    }
                }
            }
            return new Sizes(revenue, equity);
        }

        private static Statement later(Statement a, Statement b) {
            int c = b.end().compareTo(a.end());
            return c > 0 || (c == 0 && b.provenance().compareTo(a.provenance()) < 0) ? b : a;
        }
    }

    static Finding materiality(Finding f, Sizes sizes, Map<String, BigDecimal> t) {
        if (!f.isRisk() || f.amount() == null) {
            return f;
        }
        Statement eq = sizes.equity().get(f.subject());
        Statement rev = sizes.revenue().get(f.subject());
        String kind = f.framing().amountKind();
        boolean balanceSheet = "debt-like".equals(kind) || "contingent-maximum".equals(kind);
        Money size = null;
        String what = null;
        Statement basis = null;
        for (int pass = 0; pass < 2 && size == null; pass++) {
            boolean useEquity = (pass == 0) == balanceSheet;
            Statement s = useEquity ? eq : rev;
            Money m = s == null ? null : useEquity ? s.equity() : s.revenue();
            if (m != null && m.sameCurrency(f.amount())) {
                size = m;
                basis = s;
                what = useEquity ? "equity" : "revenue";
            }
        }
        String name = f.subjectName();
        if (size == null) {
            String text = "The size of " + name + " is not known here (no annual revenue or equity in "
                    + f.amount().currency() + " in the inputs): " + f.amount().display()
                    + " cannot be weighed against it, and the severity is the rule's own.";
            return f.withFraming(f.framing().withMateriality(text));
        }
        BigDecimal ratio = f.amount().ratio(size);
        Severity level = f.severity();
        Severity scaled = level;
        // only amounts that are an exposure are weighed for severity: a restatement's difference or an effect on
        // earnings is stated against the size, not scaled by it
        boolean graded = f.framing().sizeGraded() || kind == null || !SCALED.contains(kind);
        BigDecimal minor = graded ? null : t.get(MINOR);
        BigDecimal moderate = graded ? null : t.get(MODERATE);
        BigDecimal major = graded ? null : t.get(MAJOR);
        if (minor != null && ratio.compareTo(minor) < 0 && scaled.compareTo(Severity.LOW) > 0) {
            scaled = Severity.LOW;
        } else if (moderate != null && ratio.compareTo(moderate) < 0 && scaled.compareTo(Severity.MEDIUM) > 0) {
            scaled = Severity.MEDIUM;
        } else if (major != null && ratio.compareTo(major) >= 0 && scaled.compareTo(Severity.HIGH) < 0
                && !"non-binding".equals(kind)) {
            scaled = Severity.HIGH;
        }
        String period = basis.period() != null ? basis.period() : "at " + basis.end();
        StringBuilder text = new StringBuilder();
        text.append(f.amount().display()).append(" is ").append(Numbers.percent(ratio)).append(" of ").append(name)
                .append("'s ").append(what).append(" of ").append(size.display()).append(" (").append(period).append(")");
        if (scaled != level) {
            text.append(": severity ").append(scaled.compareTo(level) < 0 ? "lowered" : "raised").append(" from ")
                    .append(level.label()).append(" to ").append(scaled.label()).append(" by ")
                    .append(scaled.compareTo(level) < 0 ? (scaled == Severity.LOW ? MINOR : MODERATE) : MAJOR);
        }
        if (f.framing().sizeGraded()) {
            text.append(": the rule grades its severity against the company's size itself");
        } else if (graded) {
            text.append(": an amount of this kind is not an exposure, so the severity is the rule's own");
        }
        text.append('.');
        Finding out = f.withFraming(f.framing().withMateriality(text.toString()));
        return scaled == level ? out : out.withSeverity(scaled);
    }
}
