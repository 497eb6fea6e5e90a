package org.offbook.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.model.Contract;
import org.offbook.model.Investment;
import org.offbook.model.Money;
import org.offbook.model.Pledge;
import org.offbook.model.Provenance;
import org.offbook.model.Stake;

/** PLEDGE-001's and XHOLD-001's arithmetic and choices, which used to be DRL functions and consequence loops. */
class PledgesAndCrossHoldingsTest {

    private static Stake stake(String holder, String entity, String share, LocalDate asOf, int line) {
        return new Stake(holder, entity, new BigDecimal(share), null, asOf, null, null, "s", new Provenance("k.json", line));
    }

    private static Pledge pledge(String facility, String drawn, String collateral, String shareOfHolding, String purpose) {
        return new Pledge("holdco", "bank", "listed", new BigDecimal("1234567"), shareOfHolding == null ? null : new BigDecimal(shareOfHolding),
                facility == null ? null : Money.parse(facility, null), drawn == null ? null : Money.parse(drawn, null),
                collateral == null ? null : Money.parse(collateral, null), purpose, null, "s", new Provenance("p.json", 1));
    }

    private static Investment investment(String investee, int line) {
        return new Investment(null, "holdco", investee, Money.parse("USD 2B", null), "equity", null, "completed", null, null, null, null, "s",
                new Provenance("i.json", line));
    }

    @Test
    void aPledgeGivesItsLoanToValueAndTheFallItCanBear() {
        Pledges.Assessment a = Pledges.assess(pledge("USD 4B", "USD 3B", "USD 10B", "0.5", "fund the Acme Co deal"),
                List.of(stake("holdco", "listed", "0.4", LocalDate.of(2024, 1, 1), 1), stake("holdco", "listed", "0.3", null, 2)),
                List.of(investment("z-co", 3), investment("acme-co", 2)));
        assertEquals("USD 3B", a.outstanding().display());
        assertEquals(new BigDecimal("0.75"), a.utilisation().stripTrailingZeros());
        assertEquals("1,234,567", a.sharesPledged());
        assertEquals(new BigDecimal("0.4"), a.stake().share());
        assertEquals(new BigDecimal("0.2"), a.equityPledged().stripTrailingZeros());
        assertEquals(new BigDecimal("0.3"), a.ltv().stripTrailingZeros());
        assertEquals(new BigDecimal("0.4"), a.ltvFull().stripTrailingZeros());
        assertEquals(new BigDecimal("0.7"), a.cushion().stripTrailingZeros());
        // the investments in input order, each after the first marked
        assertEquals(List.of(new Pledges.Use("acme-co", "(equity, completed; USD 2B)", false), new Pledges.Use("z-co", "(equity, completed; USD 2B)", true)),
                a.uses());
        assertEquals(List.of("listed", "bank", "acme-co", "z-co"), a.related());
    }

    @Test
    void aLoanAboveItsCollateralHasNoCushionAndMissingFiguresStayMissing() {
        Pledges.Assessment over = Pledges.assess(pledge(null, "USD 12B", "USD 10B", null, null), List.of(), List.of());
        assertNull(over.cushion());
        assertNull(over.ltvFull());
        assertNull(over.stake());
        Pledges.Assessment unknown = Pledges.assess(pledge("USD 4B", null, null, null, null), List.of(), List.of());
        assertEquals("USD 4B", unknown.outstanding().display());
        assertNull(unknown.ltv());
        assertNull(unknown.utilisation());
    }

    @Test
    void thePurposeNamesTheInvestee() {
        assertTrue(Pledges.funds(pledge("USD 1B", null, null, null, "to buy shares of Acme Co"), investment("acme-co", 1)));
        assertFalse(Pledges.funds(pledge("USD 1B", null, null, null, "general purposes"), investment("acme-co", 1)));
        assertFalse(Pledges.funds(pledge("USD 1B", null, null, null, null), investment("acme-co", 1)));
    }

    @Test
    void theCurrentStakeIsTheLatestThenTheFirstInTheInput() {
        Stake undated = stake("a", "b", "0.1", null, 1);
        Stake dated = stake("a", "b", "0.2", LocalDate.of(2024, 1, 1), 3);
        Stake sameDateEarlier = stake("a", "b", "0.3", LocalDate.of(2024, 1, 1), 2);
        assertEquals(sameDateEarlier, CrossHoldings.current(List.of(undated, dated, sameDateEarlier)));
        assertEquals(undated, CrossHoldings.current(List.of(undated)));
    }

    @Test
    void thePairIsReportedOnceOnTheLargerHolderAndTheLoopIsAPercentage() {
        Stake ab = stake("a", "b", "0.25", null, 1);
        Stake ba = stake("b", "a", "0.1", null, 2);
        assertTrue(CrossHoldings.reports(ab, ba));
        assertFalse(CrossHoldings.reports(ba, ab));
        assertTrue(CrossHoldings.reports(stake("a", "b", "0.1", null, 1), ba));
        assertFalse(CrossHoldings.reports(ba, stake("a", "b", "0.1", null, 1)));
        assertEquals("2.5%", CrossHoldings.loop(ab, ba));
    }

    @Test
    void dealsReadInInputOrderWithTheBuyerMarked() {
        Contract second = new Contract(null, "b", "a", "gpus", null, null, null, null, null, null, null, "s", new Provenance("c.json", 2));
        Contract first = new Contract(null, "a", "b", null, Money.parse("USD 1B", null), new BigDecimal("3"), null, null, "definitive", null, null, "s",
                new Provenance("c.json", 1));
        assertEquals(List.of(new CrossHoldings.Deal(true, "goods or services (USD 1B over 3 years, agreed and binding)", false),
                new CrossHoldings.Deal(false, "GPUs (amount not given, no status given)", true)), CrossHoldings.deals(List.of(second, first), "a"));
    }
}
