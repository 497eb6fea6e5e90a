package org.offbook.load.sec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.offbook.model.FilingCorrection;
import org.offbook.model.Money;
import org.offbook.model.Provenance;

/**
 * Tells a scale or rounding correction from a restatement, and counts corrections once per pair of
 * filings ({@link FilingCorrection}). A change of value between two filings is:
 * <ul>
 * <li>a <b>scale</b> correction when the later figure is the earlier one times 1,000, 1,000,000 or
 * 1,000,000,000 (or divided by it), within 0.1% (the unscaled figure was itself rounded);</li>
 * <li>a <b>rounding</b> correction when the difference is at most half a unit of the coarser
 * precision of the two filings. Data sets and companyfacts do not publish XBRL {@code decimals},
 * so a filing's precision is read from its figures: the fewest trailing zeros among its values
 * (a filing in millions has none with fewer than six), when offbook read at least
 * {@value #MIN_VALUES} of its values; otherwise from the figure itself, keeping at least three
 * significant digits, so that a round USD 300,000,000 is not taken for a figure rounded to the
 * hundred million;</li>
 * <li>a restatement otherwise.</li>
 * </ul>
 */
final class Corrections {

    private static final int[] POWERS = {3, 6, 9};
    private static final BigDecimal SCALE_TOLERANCE = new BigDecimal("0.001");
    private static final int EXAMPLES = 3;
    /** Values of one filing needed to read its unit of presentation from them. */
    static final int MIN_VALUES = 5;

    private Corrections() {
    }

    /**
     * "scale", "rounding" or null (a restatement); {@code earlierUnit} and {@code laterUnit} are the
     * filings' units of presentation (a power of ten, {@link #units}), null when not known.
     */
    static String kind(BigDecimal earlier, BigDecimal later, Integer earlierUnit, Integer laterUnit) {
        if (scaleFactor(earlier, later) != null) {
            return FilingCorrection.SCALE;
        }
        if (earlier.signum() != 0 && later.signum() != 0 && earlier.signum() == later.signum()) {
            int p = Math.max(earlierUnit != null ? earlierUnit : precision(earlier), laterUnit != null ? laterUnit : precision(later));
            BigDecimal half = BigDecimal.ONE.scaleByPowerOfTen(p).divide(BigDecimal.valueOf(2));
            if (later.subtract(earlier).abs().compareTo(half) <= 0) {
                return FilingCorrection.ROUNDING;
            }
        }
        return null;
    }

    /** 10^k or 10^-k (k = 3, 6, 9) when later = earlier times it within 0.1%; null otherwise. */
    static BigDecimal scaleFactor(BigDecimal earlier, BigDecimal later) {
        if (earlier.signum() == 0 || later.signum() == 0 || earlier.signum() != later.signum()) {
            return null;
        }
        BigDecimal a = earlier.abs();
        BigDecimal b = later.abs();
        boolean up = b.compareTo(a) > 0;
        BigDecimal ratio = up ? b.divide(a, MathContext.DECIMAL64) : a.divide(b, MathContext.DECIMAL64);
        for (int k : POWERS) {
            BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(k);
            if (ratio.subtract(power).abs().compareTo(power.multiply(SCALE_TOLERANCE)) <= 0) {
                return up ? power : BigDecimal.ONE.scaleByPowerOfTen(-k);
            }
        }
        return null;
    }

    /**
     * The power of ten a figure is stated to, read from its trailing zeros, keeping at least three
     * significant digits: 4,835,000,000 is stated to millions (6), 300,000,000 to millions (6, not
     * 8), 12.5 to tenths (-1).
     */
    static int precision(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        int p = -s.scale();
        int integerDigits = s.precision() - s.scale();
        return Math.min(p, integerDigits - 3);
    }

    /**
     * Each filing's unit of presentation, by accession number: the fewest trailing zeros among the
     * non-zero values read from it (at most 9), for filings with at least {@value #MIN_VALUES} of them.
     */
    static Map<String, Integer> units(Iterable<List<Observation>> series) {
        Map<String, int[]> seen = new HashMap<>();
        for (List<Observation> obs : series) {
            for (Observation o : obs) {
                if (o.value().signum() == 0) {
                    continue;
                }
                int zeros = Math.min(9, -o.value().stripTrailingZeros().scale());
                int[] u = seen.computeIfAbsent(o.accn(), k -> new int[] {Integer.MAX_VALUE, 0});
                u[0] = Math.min(u[0], zeros);
                u[1]++;
            }
        }
        Map<String, Integer> out = new HashMap<>();
        seen.forEach((accn, u) -> {
            if (u[1] >= MIN_VALUES) {
                out.put(accn, u[0]);
            }
        });
        return out;
    }

    /** One fact per pair of filings and kind, from the pairs of observations (earlier, later) collected for it. */
    static List<FilingCorrection> of(String entity, Map<String, List<Observation[]>> pairs, Periods.Calendar calendar) {
        List<FilingCorrection> out = new ArrayList<>();
        for (Map.Entry<String, List<Observation[]>> e : pairs.entrySet()) {
            List<Observation[]> items = e.getValue();
            items.sort((x, y) -> SecFacts.FILED.compare(x[1], y[1]) != 0 ? SecFacts.FILED.compare(x[1], y[1])
                    : x[1].concept().compareTo(y[1].concept()));
            String kind = e.getKey().substring(e.getKey().lastIndexOf('|') + 1);
            Observation prev = items.get(0)[0];
            Observation cur = items.get(0)[1];
            BigDecimal factor = kind.equals(FilingCorrection.SCALE) ? scaleFactor(prev.value(), cur.value()) : null;
            BigDecimal max = BigDecimal.ZERO;
            List<String> examples = new ArrayList<>();
            List<String> all = new ArrayList<>();
            Map<String, Boolean> seen = new HashMap<>();
            for (Observation[] pair : items) {
                Observation a = pair[0];
                Observation b = pair[1];
                BigDecimal change = b.value().subtract(a.value()).abs().divide(a.value().abs(), new MathContext(6, RoundingMode.HALF_EVEN));
                max = max.max(change);
                String item = a.concept() + " " + calendar.label(a.start(), a.end()) + ": " + new Money(a.value(), a.unit()).display() + " then "
                        + new Money(b.value(), b.unit()).display();
                if (seen.putIfAbsent(item, true) == null) {
                    if (examples.size() < EXAMPLES) {
                        examples.add(item);
                    }
                    all.add(item + " (" + a.location() + "; " + b.location() + ")");
                }
            }
            String more = all.size() > examples.size() ? " and " + (all.size() - examples.size()) + " more" : "";
            String source = "SEC data: " + all.size() + " values of accn " + prev.accn() + " (" + SecFacts.form(prev) + " filed " + prev.filed()
                    + ") corrected for " + kind + " in accn " + cur.accn() + " (" + SecFacts.form(cur) + " filed " + cur.filed() + "), CIK"
                    + CompanyFacts.padded(cur.cik()) + ": " + String.join("; ", all);
            out.add(new FilingCorrection(entity, kind, factor, all.size(), max, String.join("; ", examples) + more, prev.accn(), prev.form(),
                    prev.filed(), cur.accn(), cur.form(), cur.filed(), source, new Provenance(cur.file(), cur.line())));
        }
        return out;
    }
}
