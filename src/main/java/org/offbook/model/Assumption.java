package org.offbook.model;

import java.math.BigDecimal;

/**
 * A named assumption from {@code rules/assumptions.csv}: a value the user did not give (a GPU's
 * economic life, say) that a rule uses in its place, with the band it may reasonably take and why.
 * Findings that rest on one say so ("assumed"); {@code --assume NAME=VALUE} overrides the value; the
 * sensitivity view runs the rules at each end of the band.
 *
 * @param value      the value in force (the file's, or the one given with --assume)
 * @param low        the low end of the reasonable band
 * @param high       the high end of the reasonable band
 * @param overridden true when --assume gave the value
 */
public record Assumption(String name, BigDecimal value, BigDecimal low, BigDecimal high, String unit, String reason,
                         Provenance provenance, boolean overridden) {

    /** "life.default.gpu = 4 years (assumed; range 3-6)". */
    public String describe() {
        return name + " = " + plain(value) + " " + unit + " (assumed" + (overridden ? " via --assume" : "") + "; range "
                + plain(low) + "-" + plain(high) + ")";
    }

    public Assumption withValue(BigDecimal v) {
        return new Assumption(name, v, low, high, unit, reason, provenance, true);
    }

    /** The assumption as the threshold rules match by name (the value in force). */
    public Threshold asThreshold() {
        return new Threshold(name, value, unit, "assumed (range " + plain(low) + "-" + plain(high) + " " + unit + "): " + reason, provenance);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
