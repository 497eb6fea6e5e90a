package org.offbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesCurrencyNumberAndScale() {
        assertEquals(new Money(new BigDecimal("27300000000"), "USD"), Money.parse("USD 27.3B", null));
        assertEquals(new Money(new BigDecimal("950000000"), "USD"), Money.parse("USD 950M", null));
        assertEquals(new Money(new BigDecimal("-46000000"), "USD"), Money.parse("USD -46M", null));
        assertEquals(new Money(new BigDecimal("0.01"), "USD"), Money.parse("USD 0.01", null));
        assertEquals(new Money(new BigDecimal("1.2E+12"), "EUR"), Money.parse("EUR 1.2T", null));
    }

    @Test
    void amountWithoutCodeTakesTheFactsCurrency() {
        assertEquals("JPY", Money.parse("5B", "JPY").currency());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parse("5B", null));
        assertTrue(e.getMessage().contains("no currency code"), e.getMessage());
    }

    @Test
    void rejectsUnknownCurrencyAndGarbage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Money.parse("XYZ 5", null))
                .getMessage().contains("unknown currency code 'XYZ'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Money.parse("$5B", null))
                .getMessage().contains("not an amount"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("USD 1e9", null));
    }

    @Test
    void displaysScaledForPeople() {
        assertEquals("USD 27.3B", Money.parse("USD 27300000000", null).display());
        assertEquals("USD 1.15B", Money.parse("USD 1148000000", null).display());
        // half-up to two decimals, never truncated (issue 16 item 8)
        assertEquals("USD 4.31B", Money.parse("USD 4312500000", null).display());
        assertEquals("USD 4.32B", Money.parse("USD 4315000000", null).display());
        assertEquals("USD 23.25B", Money.parse("USD 23250000000", null).display());
        assertEquals("USD 2,500", Money.parse("USD 2499.5", null).display());
        assertEquals("USD -46M", Money.parse("USD -46000000", null).display());
        assertEquals("USD 523B", Money.parse("USD 523B", null).display());
        assertEquals("USD 12,500", Money.parse("USD 12500", null).display());
        assertEquals("USD 0.01", Money.parse("USD 0.01", null).display());
    }

    @Test
    void neverMixesCurrencies() {
        Money usd = Money.parse("USD 10", null);
        Money eur = Money.parse("EUR 10", null);
        assertNull(usd.ratio(eur));
        assertThrows(IllegalArgumentException.class, () -> usd.plus(eur));
        assertThrows(IllegalArgumentException.class, () -> usd.compareTo(eur));
        assertEquals(new BigDecimal("0.5"), Money.parse("USD 5", null).ratio(usd));
    }
}
