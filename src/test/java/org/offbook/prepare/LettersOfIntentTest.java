package org.offbook.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.model.Concentration;
import org.offbook.model.Contract;
import org.offbook.model.Investment;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Statement;

/** LOI-001's arithmetic, which used to be untyped DRL functions over Object[] tuples. */
class LettersOfIntentTest {

    private static final BigDecimal MIN = new BigDecimal("0.10");

    private static Contract contract(String buyer, String seller, String amount, String status, int line) {
        return new Contract(null, buyer, seller, "cloud-capacity", Money.parse(amount, null), null, null, null, status, null, null, "s",
                new Provenance("c.json", line));
    }

    private static Investment loi(String investor, String amount, int line) {
        return new Investment(null, investor, "openai", Money.parse(amount, null), "equity", null, "letter-of-intent", null, null, null, null,
                "s", new Provenance("i.json", line));
    }

    @Test
    void fundingIsComparedWithTheCommitmentsInItsCurrency() {
        List<Investment> funding = List.of(loi("nvidia", "USD 100B", 1));
        List<Contract> owed = List.of(contract("openai", "microsoft", "USD 250B", "definitive", 2),
                contract("openai", "amazon", "USD 38B", "definitive", 3), contract("openai", "sap", "EUR 900B", "definitive", 4));
        assertEquals(new BigDecimal("0.3472"), LettersOfIntent.fundingShare(funding, owed).setScale(4, RoundingMode.HALF_UP));
        assertNull(LettersOfIntent.fundingShare(List.of(), owed));
        assertNull(LettersOfIntent.fundingShare(funding, List.of(owed.get(2))));
        LettersOfIntent.Assessment a = LettersOfIntent.assess("openai", funding, owed, List.of(), List.of(), List.of(), List.of(), List.of(),
                MIN, id -> id.toUpperCase());
        assertEquals("NVIDIA, up to USD 100B of equity (a non-binding letter of intent)", a.funding().offers());
        // every binding commitment is listed, largest first; only those in the funding's currency are summed
        assertEquals("SAP EUR 900B (cloud capacity), MICROSOFT USD 250B (cloud capacity), AMAZON USD 38B (cloud capacity)", a.funding().owes());
        assertEquals("USD 288B", a.funding().owed().display());
        assertEquals("USD 100B", a.atStake().display());
        assertEquals(List.of("nvidia"), a.related());
    }

    @Test
    void aSaleCountsOnlyWithoutABindingContractAndAtTheMinimumShare() {
        Contract sale = contract("openai", "oracle", "USD 300B", "reported", 1);
        Statement rpo = new Statement("oracle", "Q1 FY2026", null, LocalDate.of(2025, 8, 31), null,
                null, null, null, null, null, null, null, null, null, null, Money.parse("USD 455B", null), null, null, null, null,
                "s", new Provenance("s.json", 1));
        Concentration share = new Concentration("oracle", "openai", "rpo", new BigDecimal("0.66"), "Q1 FY2026", null,
                LocalDate.of(2025, 8, 31), "s", new Provenance("k.json", 1));
        List<LettersOfIntent.CountedSale> counted = LettersOfIntent.countedSales(List.of(sale), List.of(), List.of(share), List.of(rpo), MIN, false);
        assertEquals(1, counted.size());
        LettersOfIntent.CountedSale c = counted.get(0);
        assertTrue(c.attributed());
        assertEquals("remaining performance obligations", c.measure());
        assertEquals("Q1 FY2026", c.when());
        assertEquals("USD 300.3B", c.portion().display());
        assertEquals(List.of(), LettersOfIntent.countedSales(List.of(sale), List.of(contract("openai", "oracle", "USD 1B", "definitive", 2)),
                List.of(share), List.of(rpo), MIN, false));
        assertEquals(List.of(), LettersOfIntent.countedSales(List.of(sale), List.of(), List.of(), List.of(rpo), new BigDecimal("0.70"), false));
    }
}
