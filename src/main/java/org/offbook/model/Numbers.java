package org.offbook.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers read in explanations and descriptions: shares as percentages, ratios as multiples. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A multiple, rounded half-up: one decimal from 1 up (9.1x, 9.15 is 9.2x); below 1, two decimals
     * (0.167 is 0.17x, -0.04 is -0.04x), more when two would round up
     * to 1 (0.999 is 0.999x). Never truncated.
     */
    public static String multiple(BigDecimal v) {
        if (v.abs().compareTo(BigDecimal.ONE) >= 0) {
            return v.setScale(1, RoundingMode.HALF_UP).toPlainString() + "x";
        }
        // below one: two decimals, more only when rounding would carry the value up to one (0.999 is
        // 0.999x, not 1.00x), so a value under 1.0x never prints as reaching it
        int scale = 2;
        BigDecimal r = v.setScale(scale, RoundingMode.HALF_UP);
        while (r.abs().compareTo(BigDecimal.ONE) >= 0 && scale < 8) {
            r = v.setScale(++scale, RoundingMode.HALF_UP);
        }
        return r.toPlainString() + "x";
    }

    /** Rounded half-up to one decimal: 0.2 becomes 20%, 0.0842 becomes 8.4%, 0.1655 becomes 16.6%. */
    public static String percent(BigDecimal share) {
        BigDecimal p = share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return p.toPlainString() + "%";
    }
}
