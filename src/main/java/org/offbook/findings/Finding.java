package org.offbook.findings;

import java.util.List;
import org.offbook.facts.Money;

/**
 * An explained finding: which rule, about whom, how serious, how much is at stake, the explanation
 * with the figures, why it matters, what to do next, the standards it rests on and the evidence.
 * {@code fingerprint} is stable across runs and machines: it depends on the rule, the entities
 * and the identity of the facts used, not on file paths, line numbers or wording.
 */
public record Finding(
        String fingerprint,
        String ruleId,
        String family,
        Severity severity,
        String title,
        String subject,
        String subjectName,
        List<String> entities,
        Money amount,
        String explanation,
        String why,
        String procedure,
        List<String> standards,
        List<Evidence> evidence,
        String rule,
        String ruleFile) {
}
