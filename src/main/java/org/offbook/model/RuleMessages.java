package org.offbook.model;

import java.util.List;
import java.util.Map;

/**
 * A rule's messages, declared with its metadata:
 * <pre>
 * rule "SPV-001 ..."
 *     &#64;id("SPV-001") ...
 *     &#64;explain("{company.name} holds {stake.share|pct} of {vehicle.name} ... "
 *            + "... {supports|list}.")
 *     &#64;why("...")
 *     &#64;procedure("...")
 *     &#64;values("kindText, purchaseList")   // names the consequence supplies with .with(name, value)
 * </pre>
 * Each is one string: string literals joined with {@code +} (the Java way; Drools evaluates the
 * annotation once when it compiles the rule). A line break inside a literal, with the spaces around
 * it, reads as one space. Every placeholder is checked when the rules are compiled against the
 * rule's bindings (name, property path by reflection on the bound type, format) and the declared
 * values; a rule whose message names anything else is not loaded.
 *
 * @param explain   the explanation template; required of a rule that reports findings (checked when it compiles)
 * @param why       why it matters; may be null
 * @param procedure the suggested audit procedure; may be null
 * @param values    the names the consequence supplies with {@code .with(name, value)}
 * @param gap       the explanation of a not-assessed finding ({@code @gap}): what could not be assessed and
 *                  why; used when the consequence calls {@code .notAssessed(...)}; may be null
 * @param amount    the kind of money the rule's amount is ({@code @amount}: debt-like, contingent-maximum,
 *                  revenue-at-risk, contract-value, non-binding, debt-service); null when the rule reports no amount
 * @param partOf    {@code @partOf("RULE-ID")}: this rule's amount is part of the money that rule's finding on the same
 *                  subject already counts (COVER-002's quarters inside COVER-001's year); null when it stands alone
 * @param sizeGraded {@code @materiality("graded")}: the rule's severity already measures the amount against the
 *                  subject's own size (a share of its revenue or equity), so it is not scaled again
 */
public record RuleMessages(String explain, String why, String procedure, List<String> values, String gap, String amount,
                           String partOf, boolean sizeGraded) {

    public static final RuleMessages NONE = new RuleMessages(null, null, null, List.of());

    /** The kinds of amount a finding may carry (issue 16: an amount says what kind it is). */
    public static final List<String> AMOUNT_KINDS = List.of("debt-like", "contingent-maximum", "revenue-at-risk",
            "contract-value", "non-binding", "debt-service",
            "earnings-effect", "restatement");

    /** The annotation keys, in the order they are declared and checked. */
    public static final List<String> KEYS = List.of("explain", "why", "procedure", "gap");

    public RuleMessages(String explain, String why, String procedure, List<String> values) {
        this(explain, why, procedure, values, null, null, null, false);
    }

    public String get(String key) {
        return switch (key) {
            case "explain" -> explain;
            case "why" -> why;
            case "procedure" -> procedure;
            case "gap" -> gap;
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** The messages as declared in a rule's metadata map (the annotation values Drools parsed). */
    public static RuleMessages of(Map<String, Object> meta) {
        String explain = text(meta.get("explain"));
        String why = text(meta.get("why"));
        String procedure = text(meta.get("procedure"));
        String gap = text(meta.get("gap"));
        String amount = text(meta.get("amount"));
        String partOf = text(meta.get("partOf"));
        boolean graded = "graded".equals(text(meta.get("materiality")));
        List<String> values = List.of();
        String v = text(meta.get("values"));
        if (v != null) {
            values = java.util.Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        }
        if (explain == null && why == null && procedure == null && values.isEmpty() && gap == null && amount == null
                && partOf == null && !graded) {
            return NONE;
        }
        return new RuleMessages(explain, why, procedure, values, gap, amount == null ? null : amount.strip(),
                partOf == null ? null : partOf.strip(), graded);
    }

    /** A declared text: a line break inside a literal, with the indentation around it, is one space. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().replaceAll("[ \\t]*\\R[ \\t]*", " ");
        return s.isBlank() ? null : s;
    }
}
