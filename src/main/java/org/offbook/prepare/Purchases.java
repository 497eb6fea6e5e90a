package org.offbook.prepare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.offbook.model.Concentration;
import org.offbook.model.Contract;
import org.offbook.model.Lease;
import org.offbook.model.Money;
import org.offbook.model.Standing;

/**
 * Contracts between a supplier and its customer, described and summed for the VENDOR and XHOLD
 * rules: typed and tested here rather than written as DRL functions. The descriptions are values
 * the rules' declared messages print as plain text (input text in them is never read as a template).
 */
public final class Purchases {

    private Purchases() {
    }

    /**
     * One contract in words: "cloud capacity (USD 10B over 5 years, agreed and binding)"; what is left out
     * reads "goods or services", "amount not given", or {@code noStatus}.
     */
    public static String describe(Contract k, String noStatus) {
        StringBuilder d = new StringBuilder(k.what() == null ? "goods or services" : Standing.what(k.what()));
        d.append(" (").append(k.amount() == null ? "amount not given" : k.amount().display());
        if (k.termYears() != null) {
            d.append(" over ").append(k.termYears().stripTrailingZeros().toPlainString()).append(" years");
        }
        d.append(", ").append(Standing.of(k.status(), k.sourceQuality(), noStatus)).append(")");
        return d.toString();
    }

    /** Every contract described, in alphabetical order so that explanations read the same on every run. */
    public static List<String> described(List<Contract> contracts, String noStatus) {
        List<String> items = new ArrayList<>();
        for (Contract k : contracts) {
            items.add(describe(k, noStatus));
        }
        Collections.sort(items);
        return items;
    }

    /**
     * The contracts' amounts summed, with how many give an amount (and how many of those are not
     * binding). With {@code currency} null, every amount counts and a second currency makes the
     * total null; otherwise only amounts in {@code currency} count.
     */
    public static Total total(List<Contract> contracts, String currency) {
        Money total = null;
        boolean mixed = false;
        int priced = 0;
        int pricedNonBinding = 0;
        int nonBinding = 0;
        for (Contract k : contracts) {
            if (!k.isBinding()) {
                nonBinding++;
            }
            if (k.amount() == null || (currency != null && !k.amount().currency().equals(currency))) {
                continue;
            }
            priced++;
            if (!k.isBinding()) {
                pricedNonBinding++;
            }
            if (total == null) {
                total = k.amount();
            } else if (total.sameCurrency(k.amount())) {
                total = total.plus(k.amount());
            } else {
                mixed = true;
            }
        }
        return new Total(mixed ? null : total, priced, pricedNonBinding, nonBinding, contracts.size());
    }

    /** A number of shares as a filing writes it: "1,200,000" when whole, else plain ("12.5"); null when not given. */
    public static String shareCount(BigDecimal shares) {
        if (shares == null) {
            return null;
        }
        BigDecimal n = shares.stripTrailingZeros();
        return n.scale() <= 0 ? String.format(java.util.Locale.ROOT, "%,d", n.toBigInteger()) : n.toPlainString();
    }

    /**
     * What a lessor leases out: its lessees (each once, in input order) and each lease in words
     * ("the data center, 20 years, with a purchase option").
     */
    public static LeasedOut leasedOut(List<Lease> leases) {
        List<String> lessees = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (Lease l : leases) {
            if (!lessees.contains(l.lessee())) {
                lessees.add(l.lessee());
            }
            StringBuilder t = new StringBuilder(l.asset() == null ? "an asset" : l.asset());
            if (l.termYears() != null) {
                t.append(", ").append(l.termYears().stripTrailingZeros().toPlainString()).append(" years");
            }
            if (Boolean.TRUE.equals(l.purchaseOption())) {
                t.append(", with a purchase option");
            }
            terms.add(t.toString());
        }
        return new LeasedOut(lessees, terms);
    }

    /** A lessor's lessees (entity ids) and its leases in words. */
    public record LeasedOut(List<String> lessees, List<String> terms) {
    }

    /**
     * The latest of a customer's concentration disclosures (by period end; one without an end
     * counts as older than one with, and among equals the first in the list); null when none.
     */
    public static Concentration latest(List<Concentration> disclosures) {
        Concentration latest = null;
        for (Concentration c : disclosures) {
            if (latest == null || (c.end() != null && (latest.end() == null || c.end().isAfter(latest.end())))) {
                latest = c;
            }
        }
        return latest;
    }

    /** The period a disclosure is for: its label, else its end date. */
    public static String period(Concentration c) {
        return c.period() != null ? c.period() : String.valueOf(c.end());
    }

    /**
     * A sum of contract amounts: {@code amount} null when none is given or they are in more than
     * one currency; {@code priced} of {@code count} contracts give an amount (in the currency
     * asked for), {@code pricedNonBinding} of those are not binding, {@code nonBinding} in all.
     */
    public record Total(Money amount, int priced, int pricedNonBinding, int nonBinding, int count) {

        /** True when some contracts give no amount (in the currency asked for): the total is a lower bound. */
        public boolean partial() {
            return priced < count;
        }

        /** True when there are contracts and none of them is binding. */
        public boolean noneBinding() {
            return count > 0 && nonBinding == count;
        }

        /** True when some contracts are binding and some are not. */
        public boolean someNonBinding() {
            return nonBinding > 0 && nonBinding < count;
        }

        /** True when some of the counted amounts are not binding. */
        public boolean includesNonBinding() {
            return pricedNonBinding > 0;
        }

        /** This total as a multiple of {@code base}; null when either is missing. */
        public BigDecimal ratioTo(Money base) {
            return amount == null || base == null ? null : amount.ratio(base);
        }
    }
}
