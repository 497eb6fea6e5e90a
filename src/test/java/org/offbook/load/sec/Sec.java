package org.offbook.load.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.offbook.TestFiles;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.Money;
import org.offbook.model.Restatement;
import org.offbook.model.Statement;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;

/** Helpers for the SEC tests: the copied SEC samples, and finding facts in a load result. */
final class Sec {

    private Sec() {
    }

    /** A copied SEC sample under src/test/resources/sec/. */
    static Path sample(String name) {
        return TestFiles.project("src/test/resources/sec/" + name);
    }

    static LoadResult load(Path... paths) {
        return FolderLoader.load(List.of(paths));
    }

    static String errors(LoadResult r) {
        return r.errors().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    static void noErrors(LoadResult r) {
        assertEquals("", errors(r), "load errors");
    }

    static List<Statement> statements(LoadResult r) {
        return r.facts().stream().filter(f -> f instanceof Statement).map(f -> (Statement) f).toList();
    }

    static List<Restatement> restatements(LoadResult r) {
        return r.facts().stream().filter(f -> f instanceof Restatement).map(f -> (Restatement) f).toList();
    }

    static List<Entity> entities(LoadResult r) {
        return r.facts().stream().filter(f -> f instanceof Entity).map(f -> (Entity) f).toList();
    }

    /** The one statement of an entity for a period (start null for a balance-sheet date). */
    static Statement statement(LoadResult r, String entity, String start, String end) {
        LocalDate s = start == null ? null : LocalDate.parse(start);
        LocalDate e = LocalDate.parse(end);
        List<Statement> found = statements(r).stream()
                .filter(st -> st.entity().equals(entity) && java.util.Objects.equals(st.start(), s) && st.end().equals(e)).toList();
        assertEquals(1, found.size(), "statements of " + entity + " for " + start + ".." + end + " in " + statements(r));
        return found.get(0);
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    static <T extends Fact> T only(List<T> facts) {
        assertEquals(1, facts.size(), String.valueOf(facts));
        return facts.get(0);
    }
}
