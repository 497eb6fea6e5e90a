package org.offbook.prepare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.offbook.model.DebtTotal;
import org.offbook.model.Guarantee;
import org.offbook.model.Lease;
import org.offbook.model.Money;
import org.offbook.model.Statement;

/**
 * The arithmetic behind GUAR-002 (a thinly capitalised single tenant backed by a third party's
 * guarantee), typed and tested here rather than written as DRL functions. The rule's conditions call
 * {@link #thin}; its consequence supplies {@link #assess}'s result to its declared message.
 */
public final class TenantGuarantees {

    private TenantGuarantees() {
    }

    /** The tenant's latest statement (of those given, which state its equity); null when there is none. */
    public static Statement capital(List<Statement> statements) {
        Statement latest = null;
        for (Statement s : statements) {
            if (latest == null || s.end().isAfter(latest.end())) {
                latest = s;
            }
        }
        return latest;
    }

    /** The leases' total payments in {@code currency}, added up; null when no lease states them in it. */
    public static Money commitments(List<Lease> leases, String currency) {
        Money sum = null;
        for (Lease l : leases) {
            if (l.totalPayments() != null && l.totalPayments().currency().equals(currency)) {
                sum = sum == null ? l.totalPayments() : sum.plus(l.totalPayments());
            }
        }
        return sum;
    }

    /**
     * Thin: no equity figure at all, or the latest equity below {@code min} times the lease payments
     * owed in its currency.
     */
    public static boolean thin(List<Statement> statements, List<Lease> leases, BigDecimal min) {
        Statement st = capital(statements);
        if (st == null) {
            return true;
        }
        Money owed = commitments(leases, st.equity().currency());
        BigDecimal ratio = owed == null ? null : st.equity().ratio(owed);
        return ratio != null && ratio.compareTo(min) < 0;
    }

    /**
     * One guarantor and what it guarantees: {@code max} the sum of its guarantees' maximum exposures
     * (null when one is not given or the currencies differ), {@code count} how many; {@code gap} when
     * another guarantor comes before it.
     */
    public record Backer(String guarantor, Money max, int count, boolean gap) {

        /** True when the guarantor gives more than one guarantee. */
        public boolean several() {
            return count > 1;
        }
    }

    /** A debt of the lessor, with {@code gap} when another comes before it. */
    public record Debt(Money amount, String terms, boolean gap) {
    }

    /**
     * The tenant's position: {@code capital} its latest statement with equity (null when none),
     * {@code owed} its lease payments in that currency (the lease's currency without a statement),
     * {@code leases} how many of its leases state payments, {@code ratio} equity / owed;
     * {@code summed} when every guarantee's maximum adds up in the lease's currency, then
     * {@code covered} the share of the lease's payments they cover and {@code gap} what is left
     * (null when nothing is); the guarantors ({@code backing}, by id), the lessor's debts, and the
     * entities related (tenant, then guarantors).
     */
    public record Assessment(Statement capital, Money owed, int leases, BigDecimal ratio, boolean summed, BigDecimal covered,
                             Money gap, List<Backer> backing, List<Debt> debts, List<String> related) {

        /** True when more than one of the tenant's leases states its payments. */
        public boolean severalLeases() {
            return leases > 1;
        }
    }

    /**
     * @param lease the lessor's only lease
     * @param guarantees the third-party guarantees of the tenant's obligations to the lessor
     * @param owed every lease of the tenant
     * @param statements the tenant's statements that give its equity
     * @param debts the lessor's debt totals
     */
    public static Assessment assess(Lease lease, List<Guarantee> guarantees, List<Lease> owed, List<Statement> statements,
                                    List<DebtTotal> debts) {
        List<String> guarantors = new ArrayList<>();
        for (Guarantee g : guarantees) {
            if (!guarantors.contains(g.guarantor())) {
                guarantors.add(g.guarantor());
            }
        }
        java.util.Collections.sort(guarantors);
        List<Backer> backing = new ArrayList<>();
        for (String g : guarantors) {
            Money max = null;
            boolean complete = true;
            int count = 0;
            for (Guarantee x : guarantees) {
                if (!x.guarantor().equals(g)) {
                    continue;
                }
                count++;
                if (x.maxExposure() == null || (max != null && !max.sameCurrency(x.maxExposure()))) {
                    complete = false;
                } else {
                    max = max == null ? x.maxExposure() : max.plus(x.maxExposure());
                }
            }
            backing.add(new Backer(g, complete ? max : null, count, !backing.isEmpty()));
        }
        Statement st = capital(statements);
        Money total = commitments(owed, st == null ? (lease.totalPayments() == null ? "" : lease.totalPayments().currency())
                                                   : st.equity().currency());
        int stated = 0;
        for (Lease l : owed) {
            if (l.totalPayments() != null) {
                stated++;
            }
        }
        BigDecimal ratio = st == null || total == null ? null : st.equity().ratio(total);
        Money guaranteed = null;
        boolean summable = lease.totalPayments() != null;
        for (Guarantee x : guarantees) {
            if (!summable || x.maxExposure() == null || !x.maxExposure().sameCurrency(lease.totalPayments())) {
                summable = false;
            } else {
                guaranteed = guaranteed == null ? x.maxExposure() : guaranteed.plus(x.maxExposure());
            }
        }
        boolean summed = summable && guaranteed != null;
        BigDecimal covered = null;
        Money gap = null;
        if (summed) {
            covered = guaranteed.ratio(lease.totalPayments());
            Money left = lease.totalPayments().plus(guaranteed.times(BigDecimal.ONE.negate()));
            gap = left.isPositive() ? left : null;
        }
        List<Debt> owes = new ArrayList<>();
        for (DebtTotal d : debts) {
            owes.add(new Debt(d.amount(), d.terms(), !owes.isEmpty()));
        }
        List<String> related = new ArrayList<>();
        related.add(lease.lessee());
        related.addAll(guarantors);
        return new Assessment(st, total, stated, ratio, summed, covered, gap, backing, owes, related);
    }
}
