package org.offbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dates are read by hand (a market has millions): the accepted forms and the refusals. */
class BinderDateTest {

    @Test
    void aYearOrAMonthMeansItsLastDay() {
        assertEquals(LocalDate.of(2049, 12, 31), Binder.date("2049"));
        assertEquals(LocalDate.of(2024, 2, 29), Binder.date("2024-02"));
        assertEquals(LocalDate.of(2025, 2, 28), Binder.date("2025-02"));
        assertEquals(LocalDate.of(2024, 2, 29), Binder.date("2024-02-29"));
        assertEquals(LocalDate.of(2025, 12, 31), Binder.date("2025-12-31"));
    }

    @Test
    void anythingElseIsRefusedWithTheSameMessage() {
        for (String bad : List.of("2025-02-30", "2025-13", "2025-00-10", "+999999999-12-31", "25-12-31", "2025/12/31",
                "2025-1-31", "２０２５", "2025-12-31T00:00", " 2025", "", "20251")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Binder.date(bad), bad);
            assertEquals("expected a date like 2025-12-31 (or 2025-12, or 2025), found '" + bad + "'", e.getMessage());
        }
    }
}
