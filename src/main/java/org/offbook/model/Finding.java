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
        Triage triage,
        Framing framing) {

    /** A finding without framing (tests and tools that build findings by hand): a risk, amount of no declared kind. */
    public Finding(String fingerprint, String ruleId, String family, Severity severity, String title, String subject,
                   String subjectName, List<String> entities, Money amount, String explanation, String why, String procedure,
                   List<String> standards, List<Evidence> evidence, String rule, String ruleFile, Triage triage) {
        this(fingerprint, ruleId, family, severity, title, subject, subjectName, entities, amount, explanation, why, procedure,
                standards, evidence, rule, ruleFile, triage, Framing.RISK);
    }

    /** The kind of finding: a risk the facts show, or a question the facts given cannot settle. */
    public static final String RISK = "risk";
    /** A rule could not assess its question because an input is missing: a gap to fill, not a risk. */
    public static final String NOT_ASSESSED = "not-assessed";

    /**
     * How a finding is framed beyond its text (issue 16).
     *
     * @param kind        {@link #RISK} or {@link #NOT_ASSESSED}
     * @param missing     for a not-assessed finding, the input that would settle it; null otherwise
     * @param amountKind  what kind of money {@code amount} is (debt-like, contingent-maximum, revenue-at-risk,
     *                    contract-value, non-binding); null when there is no amount
     * @param materiality the amount against the subject's size, or a note that the size is not known; null without an amount
     * @param structure   the structure the finding is about (the entities involved, as one key): findings with the
     *                    same key are one structure
     * @param sameMoneyAs fingerprints of other findings that describe the same money (same structure, same amount)
     * @param counted     false when the amount is already counted in an earlier finding of {@code sameMoneyAs}
     * @param assumed     the named assumptions the finding rests on, described with value and range; empty when none
     * @param partOf      the rule whose finding on the same subject already counts this amount (declared {@code @partOf})
     * @param sizeGraded  the rule's severity already weighs the amount against the subject's size ({@code @materiality("graded")})
     */
    public record Framing(String kind, String missing, String amountKind, String materiality, String structure,
                          List<String> sameMoneyAs, boolean counted, List<String> assumed, String partOf, boolean sizeGraded) {
        public static final Framing RISK = new Framing(Finding.RISK, null, null, null, null, List.of(), true, List.of(), null, false);

        public Framing {
            sameMoneyAs = sameMoneyAs == null ? List.of() : List.copyOf(sameMoneyAs);
            assumed = assumed == null ? List.of() : List.copyOf(assumed);
        }

        public boolean notAssessed() {
            return NOT_ASSESSED.equals(kind);
        }

        public Framing withLinks(String structureKey, List<String> same, boolean isCounted) {
            return new Framing(kind, missing, amountKind, materiality, structureKey, same, isCounted, assumed, partOf, sizeGraded);
        }

        public Framing withMateriality(String text) {
            return new Framing(kind, missing, amountKind, text, structure, sameMoneyAs, counted, assumed, partOf, sizeGraded);
        }

        public Framing withAssumed(List<String> described) {
            return new Framing(kind, missing, amountKind, materiality, structure, sameMoneyAs, counted, described, partOf, sizeGraded);
        }
    }

    /** True for a risk finding; false for a not-assessed one (outside the risk counts and --fail-on). */
    public boolean isRisk() {
        return !framing.notAssessed();
    }

    public Finding withFraming(Framing f) {
        return new Finding(fingerprint, ruleId, family, severity, title, subject, subjectName, entities, amount, explanation,
                why, procedure, standards, evidence, rule, ruleFile, triage, f);
    }

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
                why, procedure, standards, evidence, rule, ruleFile, t, framing);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(fingerprint, ruleId, family, s, title, subject, subjectName, entities, amount, explanation,
                why, procedure, standards, evidence, rule, ruleFile, triage, framing);
    }
}
