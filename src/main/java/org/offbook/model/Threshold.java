package org.offbook.model;

import java.math.BigDecimal;

/**
 * A named, user-editable number a rule compares against, read from {@code rules/thresholds.csv}.
 * Rules match it by name: {@code Threshold(name == "spv.stake.max", $max : value)}.
 */
public record Threshold(String name, BigDecimal value, String unit, String reason, Provenance provenance) {
}
