package org.offbook.model;

import java.util.List;
import org.offbook.model.Money;

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
        String ruleFile,
        Triage triage) {

    /**
     * What the audit trail says about a finding: {@code new}, {@code baselined} (accepted earlier,
     * matched by fingerprint) or {@code suppressed} (by a rule in the configuration), with the
     * reason; and the rule's own severity when a configured override changed it.
     */
    public record Triage(String status, String reason, Severity ruleSeverity) {
        public static final Triage NEW = new Triage("new", null, null);

        public boolean isNew() {
            return status.equals("new");
        }
    }

    public Finding withTriage(Triage t) {
        return new Finding(fingerprint, ruleId, family, severity, title, subject, subjectName, entities, amount, explanation,
                why, procedure, standards, evidence, rule, ruleFile, t);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(fingerprint, ruleId, family, s, title, subject, subjectName, entities, amount, explanation,
                why, procedure, standards, evidence, rule, ruleFile, triage);
    }
}
