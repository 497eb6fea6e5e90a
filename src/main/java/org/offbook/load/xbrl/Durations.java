package org.offbook.load.xbrl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * xs:duration text to years, rounded half-up to two decimals: months are twelfths of a year, days
 * 1/365.25 of one. Two decimals give back the years a filer wrote as {@code ixt-sec:duryear} (5.4 is
 * tagged P5Y4M24D, which is 5.3991 years, read as 5.40).
 */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("-?P(?:(\\d+(?:\\.\\d+)?)Y)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)D)?");
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal DAYS = new BigDecimal("365.25");

    private Durations() {
    }

    static BigDecimal years(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
            return null;
        }
        BigDecimal y = BigDecimal.ZERO;
        if (m.group(1) != null) {
            y = y.add(new BigDecimal(m.group(1)));
        }
        if (m.group(2) != null) {
            y = y.add(new BigDecimal(m.group(2)).divide(TWELVE, 8, RoundingMode.HALF_UP));
        }
        if (m.group(3) != null) {
            y = y.add(new BigDecimal(m.group(3)).divide(DAYS, 8, RoundingMode.HALF_UP));
        }
        y = y.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (y.scale() < 0) {
            y = y.setScale(0);
        }
        return text.strip().startsWith("-") ? y.negate() : y;
    }
}
