package org.offbook.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.model.Concentration;
import org.offbook.model.Contract;
import org.offbook.model.Money;
import org.offbook.model.Provenance;

/** The VENDOR rules' contract descriptions and totals, which used to be loops in each rule's consequence. */
class PurchasesTest {

    private static Contract contract(String what, String amount, String term, String status) {
        return new Contract(null, "openai", "nvidia", what, amount == null ? null : Money.parse(amount, null),
                term == null ? null : new BigDecimal(term), null, null, status, null, null, "s", new Provenance("c.json", 1));
    }

    @Test
    void aContractReadsWithWhatIsGivenAndSaysWhatIsNot() {
        assertEquals("cloud capacity (USD 10B over 5 years, agreed and binding)",
                Purchases.describe(contract("cloud-capacity", "USD 10B", "5.0", "definitive"), "no status given"));
        assertEquals("goods or services (amount not given, no status given, treated as binding)",
                Purchases.describe(contract(null, null, null, null), "no status given, treated as binding"));
        assertEquals(List.of("a (amount not given, only reported; status not known, read as not binding)", "b (USD 1B, completed)"),
                Purchases.described(List.of(contract("b", "USD 1B", null, "completed"), contract("a", null, null, "reported")), "-"));
    }

    @Test
    void aTotalInAnyCurrencyIsNullWhenTheCurrenciesMix() {
        Purchases.Total t = Purchases.total(List.of(contract("a", "USD 1B", null, "definitive"), contract("b", "USD 2B", null, "reported"),
                contract("c", null, null, "definitive")), null);
        assertEquals("USD 3B", t.amount().display());
        assertEquals(2, t.priced());
        assertTrue(t.partial());
        assertTrue(t.includesNonBinding());
        assertTrue(t.someNonBinding());
        assertFalse(t.noneBinding());
        assertEquals(new BigDecimal("1.5"), t.ratioTo(Money.parse("USD 2B", null)).stripTrailingZeros());
        assertNull(t.ratioTo(null));
        assertNull(Purchases.total(List.of(contract("a", "USD 1B", null, null), contract("b", "EUR 2B", null, null)), null).amount());
    }

    @Test
    void aTotalInOneCurrencyCountsOnlyThatCurrency() {
        Purchases.Total t = Purchases.total(List.of(contract("a", "USD 1B", null, "reported"), contract("b", "EUR 2B", null, "reported")), "USD");
        assertEquals("USD 1B", t.amount().display());
        assertEquals(1, t.priced());
        assertTrue(t.partial());
        assertTrue(t.noneBinding());
        assertFalse(t.someNonBinding());
    }

    @Test
    void shareCountsAndTheLatestDisclosure() {
        assertEquals("1,200,000", Purchases.shareCount(new BigDecimal("1200000.00")));
        assertEquals("12.5", Purchases.shareCount(new BigDecimal("12.50")));
        assertNull(Purchases.shareCount(null));
        Concentration older = new Concentration("coreweave", "nvidia", "revenue", new BigDecimal("0.1"), "FY2023", null,
                LocalDate.of(2023, 12, 31), "s", new Provenance("k.json", 1));
        Concentration undated = new Concentration("coreweave", "nvidia", "revenue", new BigDecimal("0.2"), null, null, null, "s",
                new Provenance("k.json", 2));
        Concentration newer = new Concentration("coreweave", "nvidia", "revenue", new BigDecimal("0.3"), null, null,
                LocalDate.of(2024, 12, 31), "s", new Provenance("k.json", 3));
        assertEquals(newer, Purchases.latest(List.of(older, undated, newer)));
        assertEquals(older, Purchases.latest(List.of(older, undated)));
        assertNull(Purchases.latest(List.of()));
        assertEquals("FY2023", Purchases.period(older));
        assertEquals("2024-12-31", Purchases.period(newer));
    }

    @Test
    void fundingFormsReadAsTheirWords() {
        assertTrue(FundingForm.of("preferred").equityLike());
        assertEquals("preferred equity", FundingForm.of("preferred").word());
        assertEquals("lending", FundingForm.of("loan").unit());
        assertTrue(FundingForm.of("convertible").lending());
        assertTrue(FundingForm.of(null).other());
        assertEquals("funding", FundingForm.of(null).word());
        assertEquals("investment", FundingForm.of("other").unit());
    }
}
