package org.offbook.model;

import java.util.Locale;

/** How serious a finding is, from least to most. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (info, low, medium, high, critical)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
