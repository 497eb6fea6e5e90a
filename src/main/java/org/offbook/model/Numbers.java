package org.offbook.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers read in explanations and descriptions: shares as percentages, ratios as multiples. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A multiple: one decimal from 1 up (9.1x); below 1, two decimals cut towards zero (0.999 is
     * 0.99x, -0.04 is -0.04x), so a value under a threshold never prints as equal to it.
     */
    public static String multiple(BigDecimal v) {
        BigDecimal r = v.abs().compareTo(BigDecimal.ONE) < 0 ? v.setScale(2, RoundingMode.DOWN) : v.setScale(1, RoundingMode.HALF_EVEN);
        return r.toPlainString() + "x";
    }

    /** 0.2 becomes 20%, 0.0842 becomes 8.4%, 0.6612 becomes 66.1%. */
    public static String percent(BigDecimal share) {
        BigDecimal p = share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return p.toPlainString() + "%";
    }
}
