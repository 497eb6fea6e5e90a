package org.offbook.prepare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.offbook.model.Financing;
import org.offbook.model.Lease;
import org.offbook.model.Money;
import org.offbook.model.Statement;
import org.offbook.model.Years;

/**
 * The arithmetic behind COLLAT-001 (debt secured on assets whose economic life is shorter than the
 * loan), typed and tested here rather than written as DRL functions. The rule's conditions call
 * {@link #uncovered} and {@link #tenant}; its consequence supplies {@link #assess}'s result to its
 * declared message.
 */
public final class SecuredLoans {

    private SecuredLoans() {
    }

    /**
     * What LEASE-004 does not already report: the tenor alone is within {@code max} of the
     * collateral's life but the extension options carry the loan past it, or no tenor is disclosed
     * (then the amount must be known, to say what repaying it within the collateral's life takes).
     */
    public static boolean uncovered(Financing f, BigDecimal max) {
        BigDecimal life = f.collateralLifeYears();
        BigDecimal tenor = f.getTenorYears();
        if (tenor == null) {
            return f.amount() != null && f.amount().isPositive();
        }
        BigDecimal ratio = Years.ratio(tenor, life);
        if (ratio == null || ratio.compareTo(max) > 0) {
            return false;
        }
        BigDecimal withExtensions = Years.ratio(f.getTenorWithExtensions(), life);
        return withExtensions != null && withExtensions.compareTo(max) > 0;
    }

    /** True when one of the leases is to {@code entity}. */
    public static boolean tenant(List<Lease> leases, String entity) {
        for (Lease l : leases) {
            if (l.lessee().equals(entity)) {
                return true;
            }
        }
        return false;
    }

    /** A plain percentage rate ("9.5%") as a fraction; null for floating or ranged rates ("SOFR+6-13%") and none. */
    public static BigDecimal rate(String rate) {
        if (rate == null || !rate.strip().matches("\\d{1,2}(\\.\\d+)?\\s*%")) {
            return null;
        }
        return new BigDecimal(rate.strip().replace("%", "").strip()).movePointLeft(2);
    }

    /** A lease of the collateral to a tenant, with {@code gap} when another comes before it. */
    public record Tenancy(Lease lease, boolean gap) {
    }

    /**
     * A secured loan assessed against its collateral's life ({@code life}, years).
     * {@code kind} the debt's form in words; with a tenor: {@code tenor}, {@code extension} (the
     * options' years), {@code withExtensions}, {@code extRatio} (with extensions / life) and
     * {@code excess} (years past the life); {@code perYear} the straight-line repayment within the
     * life, {@code interest} a first year's interest at a plain rate and {@code service} the two
     * added; {@code revenue} the borrower's latest annual statement with revenue, {@code revLabel}
     * its period and {@code revShare} the yearly repayment's share of it; {@code tenancies} the
     * collateral leased out (input order), {@code figures} the tenants' revenue statements (input
     * order); {@code related} the lenders and tenants other than the borrower. Each is null (or
     * empty) when a figure it needs is not given.
     */
    public record Assessment(String kind, BigDecimal life, BigDecimal tenor, BigDecimal extension, BigDecimal withExtensions,
                             BigDecimal extRatio, BigDecimal excess, Money perYear, Money interest, Money service,
                             Statement revenue, String revLabel, BigDecimal revShare, List<Tenancy> tenancies,
                             List<Statement> figures, List<String> related) {

        /** "high" when the extension options carry the loan past its collateral, "medium" when no term is disclosed. */
        public String level() {
            return tenor != null ? "high" : "medium";
        }
    }

    /**
     * @param f the loan, secured on collateral with a stated life
     * @param leases the borrower's leases of that kind of asset to others
     * @param revenues the borrower's annual statements that give revenue
     * @param tenantsRevenue the tenants' statements that give revenue for a period
     */
    public static Assessment assess(Financing f, List<Lease> leases, List<Statement> revenues, List<Statement> tenantsRevenue) {
        BigDecimal life = f.collateralLifeYears();
        String kind = f.kind() == null ? "debt"
                : f.kind().equals("delayed-draw-term-loan") ? "delayed-draw term loan" : f.kind().replace('-', ' ');
        BigDecimal tenor = f.getTenorYears();
        BigDecimal all = tenor == null ? null : f.getTenorWithExtensions();
        BigDecimal excess = all == null ? null : all.subtract(life);
        BigDecimal extRatio = all == null ? null : Years.ratio(all, life);
        Money perYear = null;
        Money interest = null;
        Money service = null;
        if (f.amount() != null) {
            Money base = f.amount();
            perYear = new Money(base.amount().divide(life, new MathContext(6, RoundingMode.HALF_EVEN)), base.currency());
            BigDecimal rate = rate(f.rate());
            if (rate != null) {
                interest = base.times(rate);
                service = perYear.plus(interest);
            }
        }
        Statement rev = null;
        for (Statement s : revenues) {
            if (rev == null || s.end().isAfter(rev.end())) {
                rev = s;
            }
        }
        BigDecimal revShare = rev == null || perYear == null ? null : (service != null ? service : perYear).ratio(rev.revenue());
        String revLabel = rev == null ? null : rev.period() != null ? rev.period() : "the year to " + rev.end();
        List<Lease> sorted = new ArrayList<>(leases);
        sorted.sort((a, b) -> a.provenance().compareTo(b.provenance()));
        List<Tenancy> tenancies = new ArrayList<>();
        List<String> tenants = new ArrayList<>();
        for (Lease l : sorted) {
            tenancies.add(new Tenancy(l, !tenancies.isEmpty()));
            if (!tenants.contains(l.lessee())) {
                tenants.add(l.lessee());
            }
        }
        List<Statement> figures = new ArrayList<>(tenantsRevenue);
        figures.sort((a, b) -> a.provenance().compareTo(b.provenance()));
        List<String> related = new ArrayList<>();
        if (f.lenders() != null) {
            related.addAll(f.lenders());
        }
        related.addAll(tenants);
        related.remove(f.borrower());
        return new Assessment(kind, life, tenor, f.extensionYears(), all, extRatio, excess, perYear, interest, service, rev, revLabel,
                revShare, tenancies, figures, related);
    }
}
