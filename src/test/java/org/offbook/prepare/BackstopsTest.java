package org.offbook.prepare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Statement;

/** BACKSTOP-001's sizing, which used to be untyped DRL functions. */
class BackstopsTest {

    private static final BigDecimal MIN = new BigDecimal("0.25");

    private static Statement revenue(int year, String amount, int line) {
        return new Statement("coreweave", "FY" + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null,
                Money.parse(amount, null), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                "s", new Provenance("s.json", line));
    }

    @Test
    void theLatestStatementIsTheOneWithTheLatestEnd() {
        Statement older = revenue(2023, "USD 229M", 1);
        Statement newer = revenue(2024, "USD 1.9B", 2);
        assertSame(newer, Backstops.latest(List.of(older, newer)));
        assertSame(newer, Backstops.latest(List.of(newer, older)));
        assertNull(Backstops.latest(List.of()));
    }

    @Test
    void aCommitmentIsMaterialAgainstTheLatestRevenueOnly() {
        List<Statement> revenues = List.of(revenue(2023, "USD 229M", 1), revenue(2024, "USD 1.9B", 2));
        assertTrue(Backstops.material(revenues, Money.parse("USD 6.3B", null), MIN));
        assertTrue(Backstops.material(revenues, Money.parse("USD 475M", null), MIN), "exactly the minimum share counts");
        assertFalse(Backstops.material(revenues, Money.parse("USD 400M", null), MIN), "above 25% of 2023, below 25% of 2024");
    }

    @Test
    void withoutRevenueTheCommitmentCannotBeSizedAndIsReported() {
        assertTrue(Backstops.material(List.of(), Money.parse("USD 1M", null), MIN));
    }
}
