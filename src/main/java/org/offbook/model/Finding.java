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
     * What the audit trail says about a finding: its {@link TriageStatus} ({@code state}), with the
     * reason; and the rule's own severity when a configured override changed it.
     */
    public record Triage(TriageStatus state, String reason, Severity ruleSeverity) {
        public static final Triage NEW = new Triage(TriageStatus.NEW, null, null);

        public boolean isNew() {
            return state == TriageStatus.NEW;
        }

        /** The status as reports print it ({@link TriageStatus#label()}). */
        public String status() {
            return state.label();
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
