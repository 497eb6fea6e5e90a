package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;

/**
 * A fact cannot end before it starts: {@code end} before {@code start} (statements, guarantees,
 * contracts, backstops, concentrations) and {@code maturity} before {@code start} (financings) reject
 * the fact, at the later field. A bare year or month as a start may mean any day of it, so it is
 * compared by its first day.
 */
class DateOrderTest {

    @TempDir
    Path dir;

    private List<String> errors(String key, String fact) {
        String entities = "\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}, {\"id\": \"b\", \"name\": \"B\", \"kind\": \"spv\"}]";
        TestFiles.write(dir, "d.json", "{\"source\": \"s\", " + entities + ",\n\"" + key + "\": [\n" + fact + "\n]}");
        LoadResult r = FolderLoader.load(List.of(dir.resolve("d.json")));
        return r.errors().stream().map(Problem::toString).map(s -> s.substring(s.indexOf("d.json:"))).toList();
    }

    @Test
    void everyKindOfPeriodMustEndAfterItStarts() {
        assertEquals(List.of("d.json:3: field 'end': end 2024-12-31 is before start 2025-01-01: a period cannot end before it starts"),
                errors("statements", "{\"entity\": \"a\", \"start\": \"2025-01-01\", \"end\": \"2024-12-31\"}"));
        assertEquals(List.of("d.json:3: field 'end': end 2020-12-31 is before start 2025-08-14: a period cannot end before it starts"),
                errors("guarantees", "{\"guarantor\": \"a\", \"obligor\": \"b\", \"start\": \"2025-08-14\", \"end\": \"2020\"}"));
        assertEquals(List.of("d.json:3: field 'end': end 2026-01-31 is before start 2027: a period cannot end before it starts"),
                errors("contracts", "{\"buyer\": \"a\", \"seller\": \"b\", \"start\": \"2027\", \"end\": \"2026-01\"}"));
        assertEquals(List.of("d.json:3: field 'end': end 2025-05-31 is before start 2025-06-01: a period cannot end before it starts"),
                errors("backstops", "{\"backer\": \"a\", \"provider\": \"b\", \"start\": \"2025-06-01\", \"end\": \"2025-05\"}"));
        assertEquals(List.of("d.json:3: field 'end': end 2023-12-31 is before start 2024-01-01: a period cannot end before it starts"),
                errors("concentrations", "{\"entity\": \"a\", \"customer\": \"b\", \"basis\": \"revenue\", \"share\": 0.5, "
                        + "\"start\": \"2024-01-01\", \"end\": \"2023-12-31\"}"));
        assertEquals(List.of("d.json:3: field 'maturity': maturity 2029-12-31 is before start 2030-01-01: debt cannot mature before it is raised"),
                errors("financings", "{\"borrower\": \"b\", \"start\": \"2030-01-01\", \"maturity\": \"2029\"}"));
    }

    @Test
    void aPeriodOfOneDayAndBareYearsAndMonthsAsStartsAreAccepted() {
        assertEquals(List.of(), errors("statements", "{\"entity\": \"a\", \"start\": \"2025-06-30\", \"end\": \"2025-06-30\"}"));
        // "2025" as a start may be 1 January 2025: a period to 30 June 2025 is possible
        assertEquals(List.of(), errors("contracts", "{\"buyer\": \"a\", \"seller\": \"b\", \"start\": \"2025\", \"end\": \"2025-06-30\"}"));
        assertEquals(List.of(), errors("backstops", "{\"backer\": \"a\", \"provider\": \"b\", \"start\": \"2025-07\", \"end\": \"2025-07-15\"}"));
        assertEquals(List.of(), errors("financings", "{\"borrower\": \"b\", \"start\": \"2025\", \"maturity\": \"2025\"}"));
        // without both dates there is nothing to compare
        assertEquals(List.of(), errors("guarantees", "{\"guarantor\": \"a\", \"obligor\": \"b\", \"end\": \"1999\"}"));
    }

    @Test
    void aFactWithDatesInTheWrongOrderIsRejectedAndNothingElse() {
        TestFiles.write(dir, "two.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}],\n"
                + "\"statements\": [\n{\"entity\": \"a\", \"start\": \"2025-01-01\", \"end\": \"2024-01-01\"},\n"
                + "{\"entity\": \"a\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\"}\n]}");
        LoadResult r = FolderLoader.load(List.of(dir.resolve("two.json")));
        assertEquals(1, r.errors().size());
        assertEquals(2, r.facts().size(), "the entity and the good statement");
        assertEquals(1, r.factsRejected());
    }
}
