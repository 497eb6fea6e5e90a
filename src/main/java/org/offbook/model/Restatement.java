package org.offbook.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A figure an SEC filer reported for one period in one filing and differently in a later one: a
 * restatement, a recast (an 8-K that repeats earlier periods) or a correction in an amendment.
 * offbook derives it from SEC XBRL data (companyfacts JSON, Financial Statement Data Sets); it is
 * not written in input files. The later figure is the one used in {@link Statement} facts; this
 * fact keeps both, with the accession numbers of the two filings, so a rule can judge whether the
 * change is material ({@code rules/sec/SEC-001.drl}).
 *
 * <p>Its provenance is the file and line of the later value; its source names both values and
 * where each was read.
 */
@Doc("A figure reported for one period in one SEC filing and differently in a later one (derived from SEC data).")
public record Restatement(
        @Ref @Key @Doc("The reporting entity.") String entity,
        @Key @Doc("The XBRL concept, with its namespace, e.g. us-gaap:Revenues.") String concept,
        @Doc("The statement field the concept feeds, e.g. revenue.") String field,
        @Key @Doc("A label for the period, e.g. \"FY2022\", \"Q1 FY2010\" or \"at 2024-06-30\".") String period,
        @Doc("First day of the period; null for a balance-sheet (instant) figure.") LocalDate start,
        @Key @Doc("Last day of the period, or the balance-sheet date.") LocalDate end,
        @Doc("The figure as the earlier filing reported it.") Money previous,
        @Key @Doc("Accession number of the earlier filing.") String previousAccn,
        @Doc("Form of the earlier filing, e.g. 10-Q.") String previousForm,
        @Doc("Date the earlier filing was filed.") LocalDate previousFiled,
        @Doc("The figure as the later filing reported it (the one offbook uses).") Money current,
        @Key @Doc("Accession number of the later filing.") String currentAccn,
        @Doc("Form of the later filing, e.g. 10-Q/A or 8-K.") String currentForm,
        @Doc("Date the later filing was filed.") LocalDate currentFiled,
        String source,
        Provenance provenance) implements Fact {

    /** The change as a share of the earlier figure, |current - previous| / |previous|; null when the earlier figure is zero. */
    public BigDecimal getChange() {
        if (previous.amount().signum() == 0) {
            return null;
        }
        return current.amount().subtract(previous.amount()).abs()
                .divide(previous.amount().abs(), new MathContext(6, RoundingMode.HALF_UP));
    }

    /** The later figure less the earlier one. */
    public Money getDifference() {
        return new Money(current.amount().subtract(previous.amount()), current.currency());
    }

    /** The size of the change, as a positive amount. */
    public Money getDifferenceAbs() {
        return new Money(current.amount().subtract(previous.amount()).abs(), current.currency());
    }
}
