package org.offbook.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Year arithmetic for rules: {@code Years.between($lease.start(), $debt.latestMaturity())}. */
public final class Years {

    private Years() {
    }

    /** Whole months from {@code from} to {@code to}, in years to one decimal; null when either is null. */
    public static BigDecimal between(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return null;
        }
        return BigDecimal.valueOf(ChronoUnit.MONTHS.between(from, to)).divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_UP);
    }

    /** a / b to four decimals; null when either is null or b is zero. */
    public static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.divide(b, 4, RoundingMode.HALF_UP);
    }
}
