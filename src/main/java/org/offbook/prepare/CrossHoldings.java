package org.offbook.prepare;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.offbook.model.Contract;
import org.offbook.model.Stake;

/**
 * The choices behind XHOLD-001 (cross-shareholding between companies that trade with each other),
 * typed and tested here rather than written as DRL functions.
 */
public final class CrossHoldings {

    private CrossHoldings() {
    }

    /**
     * The stake that counts among several for the same holder and entity: the latest by asOf (a
     * stake without a date counts as older than one with), then the first in the input.
     */
    public static Stake current(List<Stake> stakes) {
        Stake best = null;
        for (Stake s : stakes) {
            if (best == null) {
                best = s;
                continue;
            }
            boolean later = s.asOf() != null && (best.asOf() == null || s.asOf().isAfter(best.asOf()));
            boolean sameDate = Objects.equals(s.asOf(), best.asOf());
            if (later || (sameDate && s.provenance().compareTo(best.provenance()) < 0)) {
                best = s;
            }
        }
        return best;
    }

    /** True on the side that reports the pair: the one holding the larger share of the other (by id when equal). */
    public static boolean reports(Stake mine, Stake theirs) {
        int c = mine.share().compareTo(theirs.share());
        return c > 0 || (c == 0 && mine.holder().compareTo(theirs.holder()) < 0);
    }

    /** The share of its own equity a company holds through the other: the product of the two stakes, "12.5%" (two decimals at most). */
    public static String loop(Stake mine, Stake theirs) {
        return mine.share().multiply(theirs.share()).movePointRight(2).setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }

    /** One contract between the two: whether {@code company} is the buyer, the contract in words, and whether one comes before it. */
    public record Deal(boolean byCompany, String text, boolean gap) {
    }

    /** The contracts between {@code company} and the other, in input order. */
    public static List<Deal> deals(List<Contract> trade, String company) {
        List<Contract> sorted = new ArrayList<>(trade);
        sorted.sort((x, y) -> x.provenance().compareTo(y.provenance()));
        List<Deal> out = new ArrayList<>();
        for (Contract k : sorted) {
            out.add(new Deal(k.buyer().equals(company), Purchases.describe(k, "no status given"), !out.isEmpty()));
        }
        return out;
    }
}
