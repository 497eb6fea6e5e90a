package org.offbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Amounts are read by hand for speed ({@link Money#parseSimple}) and by the pattern otherwise: for
 * any text, both give the same amount, or the hand reader declines and the pattern decides.
 */
class MoneyParsingPropertyTest {

    @Property(tries = 3000)
    void theHandReaderAgreesWithThePattern(@ForAll("amounts") String text, @ForAll("currencies") String fallback) {
        Money.checkCurrency("USD"); // the hand reader only takes currencies already checked
        Money.checkCurrency("EUR");
        Money fast = Money.parseSimple(text, fallback);
        if (fast == null) {
            return; // declined: parse() uses the pattern
        }
        assertEquals(Money.parseByPattern(text, fallback), fast, text);
        assertEquals(Money.parseByPattern(text, fallback).amount().scale(), fast.amount().scale(), text);
    }

    @Example
    void commonFormsAreReadByHandAndOddOnesByThePattern() {
        Money.checkCurrency("USD");
        for (String t : List.of("USD 927.132M", "-36.2B", "1500", "USD 0", "USD -0.5K", "0.000000000001T")) {
            assertNotNull(Money.parseSimple(t, "USD"), t);
            assertEquals(Money.parseByPattern(t, "USD"), Money.parseSimple(t, "USD"), t);
        }
        for (String t : List.of(" USD 5M", "USD  5M", "5 M", "5m", "1234567890123456789", "USD 5.", "CHF 5M")) {
            assertNull(Money.parseSimple(t, "USD"), t);
        }
    }

    @Provide
    Arbitrary<String> amounts() {
        Arbitrary<String> code = Arbitraries.of("", "USD ", "EUR ", "usd ", "XXQ ", "USD  ", "USD\t", "US ");
        Arbitrary<String> sign = Arbitraries.of("", "-", "+", "--");
        Arbitrary<String> whole = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(20);
        Arbitrary<String> fraction = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(14).map(f -> f.isEmpty() ? "" : "." + f)
                .injectDuplicates(0.1).edgeCases(e -> e.add("."));
        Arbitrary<String> suffix = Arbitraries.of("", "K", "M", "B", "T", "m", " M", "X", "MM", " ");
        Arbitrary<String> built = Combinators.combine(code, sign, whole, fraction, suffix).as((c, s, w, f, x) -> c + s + w + f + x);
        return Arbitraries.oneOf(built, built.map(t -> " " + t), Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("USD", "EUR", "JPY");
    }
}
