package org.offbook.load.sec;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Tells periods apart by their dates alone (never by a filing's fy/fp, which describe the filing):
 * an instant, a quarter, six or nine months (year to date), a year, or something else; and labels
 * them against the filer's fiscal year.
 */
final class Periods {

    enum Kind { INSTANT, QUARTER, HALF, NINE_MONTHS, YEAR, OTHER }

    private Periods() {
    }

    /** The kind of a period, from its length in days (52/53-week years and 13/14-week quarters included). */
    static Kind kind(LocalDate start, LocalDate end) {
        if (start == null) {
            return Kind.INSTANT;
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days >= 84 && days <= 98) {
            return Kind.QUARTER;
        }
        if (days >= 175 && days <= 189) {
            return Kind.HALF;
        }
        if (days >= 266 && days <= 280) {
            return Kind.NINE_MONTHS;
        }
        if (days >= 357 && days <= 373) {
            return Kind.YEAR;
        }
        return Kind.OTHER;
    }

    /** The month a date closes, rounding to the nearest month end: 2 May is April's, 26 January is January's. */
    static YearMonth month(LocalDate d) {
        YearMonth m = YearMonth.from(d);
        return d.getDayOfMonth() < 15 ? m.minusMonths(1) : m;
    }

    /**
     * A filer's fiscal calendar: the period ends of its annual reports (10-K, 20-F, 40-F) found in
     * the data, or failing those the fiscal-year-end month a data set gives for it.
     */
    static final class Calendar {
        private final NavigableSet<YearMonth> yearEnds = new TreeSet<>();
        private Integer hintMonth;

        void addYearEnd(LocalDate end) {
            yearEnds.add(month(end));
        }

        void hintMonth(Integer m) {
            if (m != null && m >= 1 && m <= 12) {
                hintMonth = m;
            }
        }

        boolean known() {
            return !yearEnds.isEmpty() || hintMonth != null;
        }

        /** The month the fiscal year ends in, for a period ending at {@code end}; null when unknown. */
        Integer yearEndMonth(LocalDate end) {
            if (!yearEnds.isEmpty()) {
                YearMonth next = yearEnds.ceiling(month(end));
                return (next != null ? next : yearEnds.last()).getMonthValue();
            }
            return hintMonth;
        }

        /** A year ending at a fiscal year end (or at any date when the calendar is unknown), rather than a trailing twelve months. */
        boolean fiscalYear(LocalDate end) {
            if (!yearEnds.isEmpty()) {
                int m = month(end).getMonthValue();
                return yearEnds.stream().anyMatch(y -> y.getMonthValue() == m);
            }
            return hintMonth == null || month(end).getMonthValue() == hintMonth;
        }

        /** The label of a period: FY2022, Q3 FY2010, 3M to 2025-06-30, 9M to 2010-03-31, 12M to 2010-03-31, at 2024-06-30. */
        String label(LocalDate start, LocalDate end) {
            Kind k = kind(start, end);
            switch (k) {
                case INSTANT:
                    return "at " + end;
                case YEAR:
                    return fiscalYear(end) ? "FY" + month(end).getYear() : "12M to " + end;
                case QUARTER: {
                    Integer fye = yearEndMonth(end);
                    if (fye != null) {
                        YearMonth m = month(end);
                        int ahead = Math.floorMod(fye - m.getMonthValue(), 12);
                        if (ahead % 3 == 0) {
                            return "Q" + (4 - ahead / 3) + " FY" + m.plusMonths(ahead).getYear();
                        }
                    }
                    return "3M to " + end;
                }
                case HALF:
                    return "6M to " + end;
                case NINE_MONTHS:
                    return "9M to " + end;
                default:
                    return start + ".." + end;
            }
        }
    }
}
