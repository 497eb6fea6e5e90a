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

    boolean instant() {
        return start == null;
    }

    /** Where the value was read, for a source text: file:line and, when known, the JSON path. */
    String location() {
        return file + ":" + line + (where == null || where.isEmpty() ? "" : " " + where);
    }
}
