package org.offbook.load.sec;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One value as an SEC filing reported it: a concept, a unit, a period, the filing (accession
 * number, form, date filed) and where it was read.
 *
 * @param cik      the filer's CIK, without leading zeros
 * @param concept  namespace:Name, e.g. us-gaap:Revenues
 * @param unit     the unit as published: USD, EUR, shares
 * @param start    first day of a duration; null for an instant (balance-sheet) value
 * @param end      last day of the period, or the instant
 * @param accepted the EDGAR acceptance time when known (data sets), to order filings of one day
 * @param file     the file as reported (a data-set member inside a zip is zip!/num.txt)
 * @param line     line of the value in that file
 * @param where    where in the file, for people: a JSON path, or empty
 * @param origin   "companyfacts" or "data set"
 */
record Observation(String cik, String concept, String unit, LocalDate start, LocalDate end, BigDecimal value,
                   String accn, String form, LocalDate filed, String accepted, String file, int line, String where, String origin) {

    /** Digits allowed before and after the decimal point: the range of a hand-written amount (docs/security.md). */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_FRACTION_DIGITS = 40;

    /**
     * Why an SEC value is out of range, or null: at most 15 digits before the decimal point, as for
     * hand-written amounts, and 40 after, as for hand-written numbers (per-share figures and ratios
     * are published with long fractions). {@code 1e999999999} is three bytes to write, but writing it
     * out, or subtracting one year-to-date figure from another, takes gigabytes or throws.
     */
    static String outOfRange(BigDecimal v) {
        BigDecimal s = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        long integerDigits = (long) s.precision() - s.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || s.scale() > MAX_FRACTION_DIGITS) {
            return "out of range: at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after";
        }
        return null;
    }

    /**
     * A name as the SEC publishes it, made safe to show: control characters, line breaks,
     * bidirectional controls and unpaired surrogates become U+FFFD, and at most 10,000 characters
     * are kept. SEC data cannot be corrected by the user, so it is neutralised rather than refused.
     */
    static String cleanName(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 10_000));
        for (int i = 0; i < s.length() && sb.length() < 10_000; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    boolean instant() {
        return start == null;
    }

    /** Where the value was read, for a source text: file:line and, when known, the JSON path. */
    String location() {
        return file + ":" + line + (where == null || where.isEmpty() ? "" : " " + where);
    }
}
