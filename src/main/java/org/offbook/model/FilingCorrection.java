package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Figures an SEC filer reported in one filing and corrected for scale or rounding in a later one,
 * counted once per pair of filings: an original 10-Q tagged unscaled (4,835 for USD 4.835 billion)
 * and its 10-Q/A, or a filer moving from thousands to millions. offbook derives it from SEC data
 * instead of one {@link Restatement} per concept, because no figure was restated: the later filing
 * corrects how the earlier one was tagged or rounded ({@code rules/sec/SEC-002.drl}).
 *
 * <p>Its provenance is the file and line of the first later value; its source lists each value
 * corrected with where both figures were read.
 */
@Doc("Figures corrected for scale (a factor of 1,000, a million or a billion) or rounding between two SEC filings, once per pair of filings (derived from SEC data).")
public record FilingCorrection(
        @Ref @Key @Doc("The reporting entity.") String entity,
        @Key @Doc("scale: the later figures are the earlier ones times a power of ten (1,000, 1,000,000 or 1,000,000,000, or its "
                + "inverse); rounding: each change lies within the rounding of the coarser figure.") String kind,
        @Doc("For a scale correction, the later figures divided by the earlier ones (e.g. 1000000); null for rounding.") BigDecimal factor,
        @Doc("How many values the later filing corrected this way.") int count,
        @Doc("The largest change as a share of the earlier figure.") BigDecimal maxChange,
        @Doc("A few of the values corrected, for people: concept, period, earlier and later figure.") String examples,
        @Key @Doc("Accession number of the earlier filing.") String previousAccn,
        @Doc("Form of the earlier filing.") String previousForm,
        @Doc("Date the earlier filing was filed.") LocalDate previousFiled,
        @Key @Doc("Accession number of the later filing.") String currentAccn,
        @Doc("Form of the later filing.") String currentForm,
        @Doc("Date the later filing was filed.") LocalDate currentFiled,
        String source,
        Provenance provenance) implements Fact {

    /** "scale" or "rounding". */
    public static final String SCALE = "scale";
    public static final String ROUNDING = "rounding";

    /** For a scale correction, in words: "a million times too small" (the earlier figures); null for rounding. */
    public String getFactorWords() {
        if (factor == null) {
            return null;
        }
        boolean up = factor.compareTo(BigDecimal.ONE) > 0;
        BigDecimal f = up ? factor : BigDecimal.ONE.divide(factor);
        int digits = f.precision() - f.scale() - 1;
        String word = digits == 3 ? "a thousand" : digits == 6 ? "a million" : digits == 9 ? "a billion" : f.toPlainString();
        return word + " times too " + (up ? "small" : "large");
    }
}
