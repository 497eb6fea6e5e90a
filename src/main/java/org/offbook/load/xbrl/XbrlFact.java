package org.offbook.load.xbrl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import org.offbook.facts.Provenance;

/**
 * One XBRL fact as the filing states it, read from an inline XBRL document ({@code ix:nonFraction},
 * {@code ix:nonNumeric}) or an XBRL 2.1 instance, with its context and unit resolved.
 *
 * @param namespace   namespace URI of the concept, e.g. {@code http://fasb.org/us-gaap/2024}
 * @param localName   local name of the concept, e.g. {@code PurchaseObligation}
 * @param prefix      the prefix the document used for it, e.g. {@code us-gaap} (a company concept: the company's prefix)
 * @param start       start of a duration period; null for an instant (and for "forever")
 * @param end         the instant, or the end of a duration (the XBRL end date: the last day, not the day after); null for "forever"
 * @param dimensions  axis qname -> member, sorted by axis (explicit members by qname, typed members by their text value)
 * @param unit        normalised unit: {@code iso4217:USD}, {@code xbrli:pure}, {@code iso4217:USD/xbrli:shares},
 *                    several measures joined by {@code *}; null for a fact without unit (nonNumeric)
 * @param numerators  the measures of the unit (qnames, sorted), or of its numerator when it divides
 * @param denominators the measures of the denominator of a divide unit (empty otherwise)
 * @param value       numeric value after format, {@code scale} and {@code sign}; null when nil or not numeric
 * @param text        the fact's value as text: for nonNumeric facts the text (continuations joined, {@code ix:exclude}
 *                    removed, markup stripped, white space collapsed, bounded by {@link Limits#maxTextChars()});
 *                    for transformed nonNumeric facts the transformed value (a date {@code 2024-12-31}, a duration
 *                    {@code P3Y6M}, {@code true}/{@code false}); for numeric facts the plain number; null when nil
 * @param truncated   true when {@code text} was cut at {@link Limits#maxTextChars()}
 * @param decimals    the {@code decimals} attribute; null when it is {@code INF} or absent ({@link #infinite} tells which)
 * @param infinite    true when {@code decimals="INF"}
 * @param nil         {@code xsi:nil="true"}
 * @param hidden      inside {@code ix:hidden} (not shown to a reader of the document)
 * @param numeric     an {@code ix:nonFraction} (or an instance fact with a unit)
 * @param format      the transform named by {@code format}, as prefix:name (null when none)
 * @param contextId   the {@code contextRef}
 * @param entity      the context's entity identifier (for SEC filers the CIK, as written)
 * @param id          the fact's {@code id} attribute (null when absent)
 * @param provenance  file and line of the tagged value's start tag
 * @param column      column of that start tag (1-based; iXBRL documents are often a few very long lines)
 */
public record XbrlFact(
        String namespace, String localName, String prefix,
        LocalDate start, LocalDate end,
        SortedMap<String, Member> dimensions,
        String unit, List<String> numerators, List<String> denominators,
        BigDecimal value, String text, boolean truncated,
        Integer decimals, boolean infinite, boolean nil, boolean hidden, boolean numeric, String format,
        String contextId, String entity, String id, Provenance provenance, int column) {

    /** A dimension member: an explicit member's qname, or a typed member's value. */
    public record Member(String value, boolean typed) {
        public Member {
            Objects.requireNonNull(value);
        }

        @Override
        public String toString() {
            return typed ? "\"" + value + "\"" : value;
        }
    }

    /** The concept as prefix:localName, e.g. {@code us-gaap:PurchaseObligation}. */
    public String qname() {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    public boolean instant() {
        return start == null && end != null;
    }

    /** The member on an axis (qname), or null when the fact has no such dimension. */
    public Member member(String axis) {
        return dimensions.get(axis);
    }

    /** The period as text: {@code 2024-12-31} for an instant, {@code 2024-01-01..2024-12-31} for a duration. */
    public String period() {
        if (end == null) {
            return "forever";
        }
        return start == null ? end.toString() : start + ".." + end;
    }

    /** The dimensions as text: {@code axis=member;axis=member}, sorted by axis; empty when none. */
    public String dimensionsText() {
        StringBuilder sb = new StringBuilder();
        dimensions.forEach((axis, m) -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(axis).append('=').append(m);
        });
        return sb.toString();
    }

    /**
     * The value of a duration fact in years, from its xs:duration text, rounded half-up to two decimals
     * (e.g. {@code P15Y6M} -> 15.5, {@code P18M} -> 1.5, {@code P5Y4M24D} -> 5.4, {@code P30D} -> 0.08);
     * null when the text is not a duration.
     */
    public BigDecimal years() {
        return Durations.years(text);
    }
}
