package org.offbook.engine;

import java.util.List;
import java.util.Map;
import org.offbook.model.Money;
import org.offbook.model.RuleInfo;

/**
 * One firing of a rule as plain data, free of Drools types: the rule's descriptor, the values of
 * its bindings and those its consequence supplied, the facts it matched, and what the consequence
 * said about the finding. {@code findings} turns hits into findings.
 *
 * @param rule      the rule's descriptor (metadata and declared messages)
 * @param values    binding values by name without the {@code $}, then the values supplied with {@code .with}
 * @param matched   the facts the rule matched, in match order
 * @param evidence  further facts the consequence named as evidence
 * @param severity  a severity the consequence chose instead of the declared one; null for the declared one
 * @param missing   for a not-assessed finding ({@code .notAssessed(...)}), the input that would settle it (a
 *                  template, rendered like the messages); null for a risk
 * @param amountKind the kind of the amount the consequence gave with {@code .amount(money, kind)}; null for the
 *                  rule's declared {@code @amount}
 * @param assumed   the named assumptions the consequence said it used ({@code .assumed(name)})
 */
public record RuleHit(RuleInfo rule, Map<String, Object> values, List<Object> matched, List<Object> evidence,
                      String subject, List<String> related, Money amount, String severity,
                      String missing, String amountKind, List<String> assumed) {

    public RuleHit(RuleInfo rule, Map<String, Object> values, List<Object> matched, List<Object> evidence,
                   String subject, List<String> related, Money amount, String severity) {
        this(rule, values, matched, evidence, subject, related, amount, severity, null, null, List.of());
    }

    public boolean notAssessed() {
        return missing != null;
    }
}
