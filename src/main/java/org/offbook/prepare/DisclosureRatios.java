package org.offbook.prepare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Disclosure;
import org.offbook.model.DisclosureRatio;
import org.offbook.model.Fact;
import org.offbook.model.Money;
import org.offbook.model.Statement;

/**
 * Sets disclosed off-balance-sheet amounts against the balance-sheet figures of the same entity,
 * date and currency ({@link DisclosureRatio}). Arithmetic only; whether a ratio is a concern is
 * decided in DRL. A disclosure with no balance-sheet statement for its date gets no ratio.
 */
public final class DisclosureRatios {

    /** The kinds set against a base, and the base. */
    private static final Map<String, String> BASES = Map.of(
            "leases-not-commenced", "lease liabilities",
            "vie-maximum-exposure", "equity",
            "guarantee-maximum-exposure", "equity");

    private DisclosureRatios() {
    }

    public static List<DisclosureRatio> of(List<Fact> facts) {
        Map<String, List<Disclosure>> groups = new TreeMap<>();
        Map<String, List<Disclosure>> terms = new TreeMap<>();
        Map<String, List<Statement>> sheets = new TreeMap<>();
        for (Fact f : facts) {
            if (f instanceof Disclosure d) {
                if (d.kind().equals("leases-not-commenced-term") && d.years() != null) {
                    terms.computeIfAbsent(d.entity() + "\u0000" + d.end(), k -> new ArrayList<>()).add(d);
                }
                if (!BASES.containsKey(d.kind()) || d.amount() == null || d.amount().amount().signum() <= 0) {
                    continue;
                }
                if (d.kind().equals("vie-maximum-exposure") && "primary-beneficiary".equals(d.qualifier())) {
                    continue; // consolidated already: on the balance sheet, kept apart
                }
                groups.computeIfAbsent(d.entity() + "\u0000" + d.kind() + "\u0000" + d.end() + "\u0000" + d.amount().currency(),
                        k -> new ArrayList<>()).add(d);
            } else if (f instanceof Statement s && s.start() == null) {
                sheets.computeIfAbsent(s.entity() + "\u0000" + s.end(), k -> new ArrayList<>()).add(s);
            }
        }
        List<DisclosureRatio> out = new ArrayList<>();
        // a statement written with its own leasesNotCommenced (hand-written deal terms), when no disclosure gives them for that date
        for (List<Statement> sameDate : sheets.values()) {
            for (Statement s : sameDate) {
                Money lnc = s.leasesNotCommenced();
                if (lnc == null || lnc.amount().signum() <= 0
                        || groups.containsKey(s.entity() + "\u0000leases-not-commenced\u0000" + s.end() + "\u0000" + lnc.currency())) {
                    continue;
                }
                Base b = base(s, "lease liabilities", lnc.currency());
                if (b != null && b.amount().amount().signum() > 0) {
                    out.add(new DisclosureRatio(s.entity(), "leases-not-commenced", lnc, "", "lease liabilities", b.amount(), b.parts(),
                            lnc.amount().divide(b.amount().amount(), 4, RoundingMode.HALF_UP), "", s.end(), List.of(s)));
                }
                break;
            }
        }
        for (List<Disclosure> group : groups.values()) {
            Disclosure first = group.get(0);
            String currency = first.amount().currency();
            List<Disclosure> counted = counted(group);
            Money amount = new Money(BigDecimal.ZERO, currency);
            List<String> parts = new ArrayList<>();
            for (Disclosure d : counted) {
                amount = amount.plus(d.amount());
                if (counted.size() > 1) {
                    parts.add((d.qualifier() == null ? "unqualified" : d.qualifier()) + " " + d.amount().display());
                }
            }
            String base = BASES.get(first.kind());
            for (Statement s : sheets.getOrDefault(first.entity() + "\u0000" + first.end(), List.of())) {
                Base b = base(s, base, currency);
                if (b == null || b.amount().amount().signum() <= 0) {
                    continue;
                }
                List<Fact> basis = new ArrayList<>(counted);
                basis.add(s);
                String termText = "";
                if (first.kind().equals("leases-not-commenced")) {
                    termText = terms(terms.getOrDefault(first.entity() + "\u0000" + first.end(), List.of()));
                    basis.addAll(terms.getOrDefault(first.entity() + "\u0000" + first.end(), List.of()));
                }
                BigDecimal ratio = amount.amount().divide(b.amount().amount(), 4, RoundingMode.HALF_UP);
                out.add(new DisclosureRatio(first.entity(), first.kind(), amount, String.join("; ", parts), base, b.amount(), b.parts(), ratio,
                        termText, first.end(), List.copyOf(basis)));
                break;
            }
        }
        return out;
    }

    /**
     * The disclosures to add up, each amount once: one per qualifier (the largest when a qualifier is
     * tagged twice); when the filing tags an undimensioned total beside dimensioned parts, the total
     * stands for the parts.
     */
    static List<Disclosure> counted(List<Disclosure> group) {
        List<Disclosure> totals = new ArrayList<>();
        boolean parts = false;
        for (Disclosure d : group) {
            if (d.dimensions() == null || d.dimensions().isEmpty()) {
                totals.add(d);
            } else {
                parts = true;
            }
        }
        if (parts && !totals.isEmpty()) {
            return List.of(largest(totals));
        }
        Map<String, Disclosure> byQualifier = new TreeMap<>();
        for (Disclosure d : group) {
            byQualifier.merge(d.qualifier() == null ? "" : d.qualifier(), d,
                    (a, b) -> b.amount().amount().compareTo(a.amount().amount()) > 0 ? b : a);
        }
        return List.copyOf(byQualifier.values());
    }

    private static Disclosure largest(List<Disclosure> ds) {
        Disclosure best = ds.get(0);
        for (Disclosure d : ds) {
            if (d.amount().amount().compareTo(best.amount().amount()) > 0) {
                best = d;
            }
        }
        return best;
    }

    record Base(Money amount, String parts) {
    }

    static Base base(Statement s, String base, String currency) {
        if (base.equals("equity")) {
            return s.equity() == null || !s.equity().currency().equals(currency) ? null : new Base(s.equity(), "");
        }
        Money op = s.operatingLeaseLiabilities();
        Money fin = s.financeLeaseLiabilities();
        if ((op != null && !op.currency().equals(currency)) || (fin != null && !fin.currency().equals(currency))) {
            return null;
        }
        if (op != null && fin != null) {
            return new Base(op.plus(fin), "operating " + op.display() + " + finance " + fin.display());
        }
        if (op != null) {
            return new Base(op, "operating leases only; no finance lease liability stated");
        }
        if (fin != null) {
            return new Base(fin, "finance leases only; no operating lease liability stated");
        }
        return null;
    }

    /** "terms of 3 to 15.5 years" from the term disclosures (any qualifier), or "" when none. */
    static String terms(List<Disclosure> ds) {
        BigDecimal min = null;
        BigDecimal max = null;
        for (Disclosure d : ds) {
            min = min == null || d.years().compareTo(min) < 0 ? d.years() : min;
            max = max == null || d.years().compareTo(max) > 0 ? d.years() : max;
        }
        if (min == null) {
            return "";
        }
        String a = min.stripTrailingZeros().toPlainString();
        String b = max.stripTrailingZeros().toPlainString();
        return "terms of " + (min.compareTo(max) == 0 ? a : a + " to " + b) + " years";
    }
}
