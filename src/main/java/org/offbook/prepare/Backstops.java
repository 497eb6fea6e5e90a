package org.offbook.prepare;

import java.math.BigDecimal;
import java.util.List;
import org.offbook.model.Money;
import org.offbook.model.Statement;

/**
 * The sizing behind BACKSTOP-001 (a commitment to buy a provider's unsold capacity), typed and
 * tested here rather than written as DRL functions over raw lists.
 */
public final class Backstops {

    private Backstops() {
    }

    /** The statement with the latest end date (the first of equal ones); null for none. */
    public static Statement latest(List<Statement> statements) {
        Statement latest = null;
        for (Statement s : statements) {
            if (latest == null || s.end().isAfter(latest.end())) {
                latest = s;
            }
        }
        return latest;
    }

    /**
     * Material: the commitment is at least {@code min} of the provider's latest annual revenue, or
     * the provider reports no annual revenue (the commitment cannot be sized, so it is reported).
     */
    public static boolean material(List<Statement> revenues, Money amount, BigDecimal min) {
        Statement latest = latest(revenues);
        if (latest == null) {
            return true;
        }
        BigDecimal ratio = amount.ratio(latest.revenue());
        return ratio != null && ratio.compareTo(min) >= 0;
    }
}
