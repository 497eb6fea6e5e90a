package org.offbook.load.xbrl;

import java.time.LocalDate;

/**
 * The document and entity information ({@code dei:}) of a filing: who filed what for which period.
 * Each field is null when the document does not tag it (or tags it so it cannot be read).
 *
 * @param cik                {@code dei:EntityCentralIndexKey}, as written (ten digits with leading zeros); else the entity identifier of the contexts
 * @param registrantName     {@code dei:EntityRegistrantName}
 * @param documentType       {@code dei:DocumentType}: 10-K, 10-Q, ...
 * @param periodEndDate      {@code dei:DocumentPeriodEndDate}
 * @param fiscalYearFocus    {@code dei:DocumentFiscalYearFocus}
 * @param fiscalPeriodFocus  {@code dei:DocumentFiscalPeriodFocus}: FY, Q1, Q2, Q3
 */
public record Dei(String cik, String registrantName, String documentType, LocalDate periodEndDate,
                  Integer fiscalYearFocus, String fiscalPeriodFocus) {

    public static final Dei NONE = new Dei(null, null, null, null, null, null);

    /** The CIK without leading zeros (as companyfacts and the data sets give it), or null. */
    public String cikNumber() {
        if (cik == null) {
            return null;
        }
        String s = cik.strip().replaceFirst("^0+(?=\\d)", "");
        return s.chars().allMatch(Character::isDigit) && !s.isEmpty() ? s : null;
    }
}
