package org.offbook.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.model.DebtTotal;
import org.offbook.model.Financing;
import org.offbook.model.Guarantee;
import org.offbook.model.Lease;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Statement;

/** COVER-002's, COLLAT-001's, GUAR-001's and GUAR-002's arithmetic and choices, which used to be DRL functions and consequence loops. */
class SecuredDebtAndGuaranteesTest {

    private static Money m(String text) {
        return text == null ? null : Money.parse(text, null);
    }

    private static Statement period(String period, LocalDate start, LocalDate end, String income, String interest, int line) {
        return new Statement("acme", period, start, end, null, null, m(income), m(interest), null, null, null, null, null, null, null,
                null, null, null, "s", new Provenance("s.json", line));
    }

    private static Statement equity(String entity, LocalDate end, String equity, int line) {
        return new Statement(entity, null, null, end, null, null, null, null, null, null, m(equity), null, null, null, null,
                null, null, null, "s", new Provenance("s.json", line));
    }

    private static Statement revenue(String entity, String period, LocalDate start, LocalDate end, String revenue, int line) {
        return new Statement(entity, period, start, end, null, m(revenue), null, null, null, null, null, null, null, null, null,
                null, null, null, "s", new Provenance("s.json", line));
    }

    private static Lease lease(String lessee, String lessor, String term, String payments, int line) {
        return new Lease(null, lessee, lessor, "campus", "gpu", null, null, term == null ? null : new BigDecimal(term), null, null, null,
                null, null, null, null, null, m(payments), null, null, null, "s", new Provenance("l.json", line));
    }

    private static Guarantee guarantee(String id, String guarantor, String max, String term, String consideration, String share,
                                       String issuer, int line) {
        return new Guarantee(id, guarantor, "tenant", "landlord", "lease-backstop", m(max), term == null ? null : new BigDecimal(term),
                LocalDate.of(2025, 1, 1), null, consideration, share == null ? null : new BigDecimal(share), issuer, null, "s",
                new Provenance("g.json", line));
    }

    private static Financing loan(String amount, String rate, String term, String extension, List<String> lenders) {
        return new Financing("f1", "borrower", lenders, "delayed-draw-term-loan", m(amount), null, rate, null, null,
                term == null ? null : new BigDecimal(term), extension == null ? null : new BigDecimal(extension), "gpu",
                new BigDecimal("5"), null, "s", new Provenance("f.json", 1));
    }

    // COVER-002

    @Test
    void aPeriodIsBelowOnlyWithPositiveInterestAndCoverUnderTheMinimum() {
        LocalDate s = LocalDate.of(2025, 1, 1);
        LocalDate e = LocalDate.of(2025, 3, 31);
        assertTrue(InterestCover.below(period("Q1", s, e, "USD 90M", "USD 100M", 1), BigDecimal.ONE));
        assertFalse(InterestCover.below(period("Q1", s, e, "USD 100M", "USD 100M", 1), BigDecimal.ONE), "exactly 1x is not below 1x");
        assertFalse(InterestCover.below(period("Q1", s, e, "USD -5M", "USD 0", 1), BigDecimal.ONE), "no interest, no cover to test");
        assertFalse(InterestCover.below(period("Q1", null, e, "USD 1M", "USD 100M", 1), BigDecimal.ONE), "a balance-sheet date only");
    }

    @Test
    void aRunIsChainedWithoutGapsAndAddedUp() {
        Statement q1 = period("Q1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "USD 50M", "USD 100M", 1);
        Statement q2 = period(null, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30), "USD 30M", "USD 100M", 2);
        Statement q4 = period("Q4", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), "USD 30M", "USD 100M", 3);
        List<Statement> chain = InterestCover.chain(List.of(q2, q1), q1, q2);
        assertEquals(List.of(q1, q2), chain);
        assertNull(InterestCover.chain(List.of(q1, q4), q1, q4), "Q3 is missing");
        InterestCover.Run run = InterestCover.assess(chain, 3);
        assertEquals(2, run.count());
        assertEquals("quarters", run.unit());
        assertEquals(List.of("Q1: operating income USD 50M against interest expense USD 100M (0.50x)",
                "2025-04-01 to 2025-06-30: operating income USD 30M against interest expense USD 100M (0.30x)"), run.items());
        assertEquals(m("USD 80M"), run.income());
        assertEquals(m("USD 200M"), run.interest());
        assertEquals(0, new BigDecimal("0.4").compareTo(run.cover()));
        assertEquals("periods of 4 months", InterestCover.assess(chain, 4).unit());
    }

    @Test
    void aRunInTwoCurrenciesIsNotAddedUp() {
        Statement q1 = period("Q1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "USD 50M", "USD 100M", 1);
        Statement q2 = period("Q2", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30), "EUR 30M", "EUR 100M", 2);
        InterestCover.Run run = InterestCover.assess(List.of(q1, q2), 3);
        assertNull(run.income());
        assertNull(run.interest());
        assertNull(run.cover());
    }

    // COLLAT-001

    @Test
    void aLoanIsUncoveredWhenItsExtensionsOutliveTheCollateralOrItsTermIsNotGiven() {
        BigDecimal max = BigDecimal.ONE;
        assertTrue(SecuredLoans.uncovered(loan("USD 1B", null, "4", "2", null), max), "4 + 2 years on a 5-year life");
        assertFalse(SecuredLoans.uncovered(loan("USD 1B", null, "4", "1", null), max), "exactly the life");
        assertFalse(SecuredLoans.uncovered(loan("USD 1B", null, "6", null, null), max), "the tenor alone is LEASE-004's");
        assertTrue(SecuredLoans.uncovered(loan("USD 1B", null, null, null, null), max), "no term, an amount");
        assertFalse(SecuredLoans.uncovered(loan(null, null, null, null, null), max), "no term and no amount");
    }

    @Test
    void onlyAPlainPercentageIsARate() {
        assertEquals(0, new BigDecimal("0.095").compareTo(SecuredLoans.rate("9.5%")));
        assertEquals(0, new BigDecimal("0.11").compareTo(SecuredLoans.rate(" 11 % ")));
        assertNull(SecuredLoans.rate("SOFR+6-13%"));
        assertNull(SecuredLoans.rate(null));
    }

    @Test
    void aSecuredLoanGivesItsRepaymentWithinTheLifeAndWhereItComesFrom() {
        Financing f = loan("USD 10B", "10%", "4", "2", List.of("bank", "borrower"));
        Lease later = lease("tenant-b", "borrower", null, null, 2);
        Lease first = lease("tenant-a", "borrower", "3", "USD 6B", 1);
        Statement old = revenue("borrower", "FY2023", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "USD 1B", 1);
        Statement latest = revenue("borrower", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "USD 4B", 2);
        SecuredLoans.Assessment a = SecuredLoans.assess(f, List.of(later, first), List.of(old, latest), List.of());
        assertEquals("delayed-draw term loan", a.kind());
        assertEquals("high", a.level());
        assertEquals(0, new BigDecimal("6").compareTo(a.withExtensions()));
        assertEquals(0, BigDecimal.ONE.compareTo(a.excess()));
        assertEquals(0, new BigDecimal("1.2").compareTo(a.extRatio()));
        assertEquals(m("USD 2B"), a.perYear());
        assertEquals(m("USD 1B"), a.interest());
        assertEquals(m("USD 3B"), a.service());
        assertEquals(latest, a.revenue());
        assertEquals("the year to 2024-12-31", a.revLabel());
        assertEquals(0, new BigDecimal("0.75").compareTo(a.revShare()));
        assertEquals(List.of(new SecuredLoans.Tenancy(first, false), new SecuredLoans.Tenancy(later, true)), a.tenancies());
        assertEquals(List.of("bank", "tenant-a", "tenant-b"), a.related(), "the borrower is not related to itself");
    }

    @Test
    void aLoanWithoutATermOrAPlainRateIsMediumAndHasNoInterest() {
        SecuredLoans.Assessment a = SecuredLoans.assess(loan("USD 10B", "SOFR+3%", null, null, null), List.of(), List.of(), List.of());
        assertEquals("medium", a.level());
        assertNull(a.excess());
        assertNull(a.interest());
        assertNull(a.service());
        assertNull(a.revShare(), "no revenue figure");
    }

    // GUAR-002

    @Test
    void aTenantIsThinWithoutEquityOrWithEquityBelowItsLeases() {
        BigDecimal min = BigDecimal.ONE;
        List<Lease> owed = List.of(lease("tenant", "landlord", "10", "USD 2B", 1), lease("tenant", "other", null, "USD 1B", 2));
        assertTrue(TenantGuarantees.thin(List.of(), owed, min));
        assertTrue(TenantGuarantees.thin(List.of(equity("tenant", LocalDate.of(2025, 1, 1), "USD 2.9B", 1)), owed, min));
        assertFalse(TenantGuarantees.thin(List.of(equity("tenant", LocalDate.of(2025, 1, 1), "USD 3B", 1)), owed, min));
        assertFalse(TenantGuarantees.thin(List.of(equity("tenant", LocalDate.of(2024, 1, 1), "USD 0.1B", 1),
                equity("tenant", LocalDate.of(2025, 1, 1), "USD 5B", 2)), owed, min), "the latest equity counts");
        assertFalse(TenantGuarantees.thin(List.of(equity("tenant", LocalDate.of(2025, 1, 1), "EUR 1", 1)), owed, min),
                "no lease payments in the equity's currency: nothing to compare");
    }

    @Test
    void theGuaranteesAreAddedUpPerGuarantorAndAgainstTheLease() {
        Lease l = lease("tenant", "landlord", "10", "USD 3B", 1);
        Guarantee a1 = guarantee("a1", "zeta", "USD 1B", null, null, null, null, 1);
        Guarantee a2 = guarantee("a2", "zeta", "USD 0.5B", null, null, null, null, 2);
        Guarantee b = guarantee("b", "alpha", "USD 0.5B", null, null, null, null, 3);
        DebtTotal d1 = new DebtTotal("landlord", m("USD 2B"), 1, null, "bonds", List.of());
        DebtTotal d2 = new DebtTotal("landlord", m("EUR 1B"), 1, null, "loans", List.of());
        TenantGuarantees.Assessment a = TenantGuarantees.assess(l, List.of(a1, a2, b), List.of(l),
                List.of(equity("tenant", LocalDate.of(2025, 6, 30), "USD 0.3B", 1)), List.of(d1, d2));
        assertEquals(List.of(new TenantGuarantees.Backer("alpha", m("USD 0.5B"), 1, false),
                new TenantGuarantees.Backer("zeta", m("USD 1.5B"), 2, true)), a.backing());
        assertEquals(m("USD 3B"), a.owed());
        assertEquals(0, new BigDecimal("0.1").compareTo(a.ratio()));
        assertTrue(a.summed());
        assertEquals(0, new BigDecimal("0.666667").compareTo(a.covered()));
        assertEquals(m("USD 1B"), a.gap());
        assertEquals(List.of(new TenantGuarantees.Debt(m("USD 2B"), "bonds", false), new TenantGuarantees.Debt(m("EUR 1B"), "loans", true)),
                a.debts());
        assertEquals(List.of("tenant", "alpha", "zeta"), a.related());
    }

    @Test
    void aGuaranteeWithoutAMaximumIsNotAddedAndFullCoverLeavesNoGap() {
        Lease l = lease("tenant", "landlord", null, "USD 1B", 1);
        TenantGuarantees.Assessment open = TenantGuarantees.assess(l, List.of(guarantee("g", "zeta", null, null, null, null, null, 1)),
                List.of(l), List.of(), List.of());
        assertNull(open.capital());
        assertNull(open.ratio());
        assertEquals(new TenantGuarantees.Backer("zeta", null, 1, false), open.backing().get(0));
        assertFalse(open.summed());
        TenantGuarantees.Assessment full = TenantGuarantees.assess(l, List.of(guarantee("g", "zeta", "USD 1B", null, null, null, null, 1)),
                List.of(l), List.of(), List.of());
        assertTrue(full.summed());
        assertNull(full.gap(), "nothing rests on the tenant alone");
    }

    // GUAR-001

    @Test
    void aGuaranteePaidInEquityIsAnEquityWrap() {
        assertTrue(EquityWraps.equityWrap(guarantee("g", "google", null, null, "warrants for 5.4%", null, null, 1)));
        assertTrue(EquityWraps.equityWrap(guarantee("g", "google", null, null, null, "0.05", null, 1)));
        assertTrue(EquityWraps.equityWrap(guarantee("g", "google", null, null, null, null, "landlord", 1)));
        assertFalse(EquityWraps.equityWrap(guarantee("g", "google", null, null, "a cash fee of 1%", null, null, 1)));
        assertFalse(EquityWraps.equityWrap(guarantee("g", "google", null, null, "stockpile of spares", null, null, 1)),
                "a whole word only");
    }

    @Test
    void tranchesAreAddedAndOneConsiderationIsCountedOnce() {
        Guarantee t2 = guarantee("t2", "google", "USD 1B", "10", "warrants", "0.05", "landlord", 2);
        Guarantee t1 = guarantee("t1", "google", "USD 2B", "10.0", "warrants", "0.050", "landlord", 1);
        Lease l = lease("tenant", "landlord", "10", "USD 6B", 1);
        EquityWraps.Assessment a = EquityWraps.assess(t1, List.of(t2, t1), List.of(l));
        assertEquals("backstops the lease payments", a.verb());
        assertEquals(2, a.count());
        assertEquals(m("USD 3B"), a.total());
        assertEquals(List.of(new EquityWraps.Tranche(t1, false, false), new EquityWraps.Tranche(t2, true, true)), a.tranches());
        assertEquals(List.of(new EquityWraps.Term(new BigDecimal("1E+1"), null, false, true)), a.terms(), "10 and 10.0 years are one term");
        assertEquals(1, a.received().size());
        assertTrue(a.sameConsideration());
        assertFalse(a.differing());
        assertTrue(a.selfPaid(), "the equity is the beneficiary's own");
        assertEquals(0, new BigDecimal("0.5").compareTo(a.coverage()));
        assertEquals(List.of("tenant", "landlord"), a.related());
    }

    @Test
    void differingConsiderationsAreListedAndAMissingMaximumLeavesNoTotal() {
        Guarantee t1 = guarantee("t1", "google", null, null, "warrants", null, null, 1);
        Guarantee t2 = guarantee("t2", "google", "USD 1B", null, null, "0.02", "issuer", 2);
        EquityWraps.Assessment a = EquityWraps.assess(t1, List.of(t1, t2), List.of());
        assertNull(a.total());
        assertNull(a.coverage());
        assertTrue(a.differing());
        assertEquals(List.of(new EquityWraps.Consideration(false, null, null, "warrants", "t1", false, false),
                new EquityWraps.Consideration(true, new BigDecimal("0.02"), "issuer", null, "t2", true, true)), a.received());
        assertEquals(List.of(), a.terms());
        assertEquals(List.of("tenant", "landlord", "issuer"), a.related());
        assertEquals("guarantees the obligations", EquityWraps.verb(null));
        assertEquals("gives a keepwell for the obligations", EquityWraps.verb("keepwell"));
    }
}
