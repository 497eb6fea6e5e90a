package org.offbook.model;

/**
 * Where a finding stands in the audit trail: {@link #NEW}, {@link #BASELINED} (accepted earlier,
 * matched by fingerprint) or {@link #SUPPRESSED} (by a rule in the configuration). Reports print
 * the {@link #label()}.
 */
public enum TriageStatus {
    NEW("new"),
    BASELINED("baselined"),
    SUPPRESSED("suppressed");

    private final String label;

    TriageStatus(String label) {
        this.label = label;
    }

    /** The word reports print: {@code new}, {@code baselined} or {@code suppressed}. */
    public String label() {
        return label;
    }
}
