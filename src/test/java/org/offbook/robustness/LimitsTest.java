package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;

/**
 * The parser's limits and what they protect: each limit is exact, is reported with file, line and
 * column in words (not Jackson's internals), and costs little time and memory whatever the input
 * claims to hold. Also the regressions the fuzzer found.
 */
class LimitsTest {

    @TempDir
    Path dir;

    private LoadResult load(String name, String content) {
        return FolderLoader.load(List.of(TestFiles.write(dir, name, content)));
    }

    private static String errors(LoadResult r) {
        return r.errors().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static boolean malformed(LoadResult r) {
        return r.errors().stream().anyMatch(e -> e.message().startsWith("malformed JSON"));
    }

    /** A document whose one fact carries {@code value} in the custom field x-v. */
    private static String withValue(String value) {
        return "{\"source\": \"s\", \"roles\": [{\"entity\": \"a\", \"target\": \"a\", \"role\": \"other\", \"x-v\": " + value + "}],\n"
                + " \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}]}";
    }

    @Test
    void nestingUpToThirtyTwoLevelsIsReadOneMoreIsRefusedByName() {
        // the document is level 1, the roles array 2, the fact 3: 29 more arrays make 32
        LoadResult ok = load("d32.json", withValue("[".repeat(29) + "]".repeat(29)));
        assertEquals(List.of(), ok.errors());
        assertEquals(2, ok.facts().size());
        LoadResult deep = load("d33.json", withValue("[".repeat(30) + "]".repeat(30)));
        Problem e = deep.errors().get(0);
        assertEquals("malformed JSON: nesting depth 33 exceeds the limit of 32 levels; file not loaded", e.message());
        assertTrue(e.line() == 1 && e.column() > 0, e.toString());
        assertEquals(0, deep.facts().size());
    }

    @Test
    void textUpToTheLimitIsParsedBeyondItTheFileIsRefused() {
        LoadResult ok = load("s100k.json", withValue("\"" + "a".repeat(100_000) + "\""));
        assertFalse(malformed(ok), errors(ok));
        LoadResult big = load("s100k1.json", withValue("\"" + "a".repeat(100_001) + "\""));
        assertTrue(errors(big).matches("(?s).*s100k1\\.json:1:\\d+: malformed JSON: a text value of \\d+\\+ characters exceeds the limit of "
                + "100000 characters; file not loaded.*"), errors(big));
    }

    @Test
    void numbersUpToSixtyCharactersAreParsedLongerOnesRefuseTheFile() {
        LoadResult ok = load("n60.json", withValue("1".repeat(60)));
        assertFalse(malformed(ok), errors(ok));
        LoadResult big = load("n61.json", withValue("1".repeat(61)));
        assertEquals("malformed JSON: a number of 61+ characters exceeds the limit of 60 characters; file not loaded",
                big.errors().get(0).message());
        assertTrue(big.errors().get(0).line() == 1 && big.errors().get(0).column() > 0);
    }

    @Test
    void fieldNamesUpToAThousandCharactersAreParsed() {
        LoadResult ok = load("k1000.json", withValue("{\"" + "k".repeat(1000) + "\": 1}"));
        assertFalse(malformed(ok), errors(ok));
        LoadResult big = load("k1001.json", withValue("{\"" + "k".repeat(1001) + "\": 1}"));
        assertEquals("malformed JSON: a field name of 1001+ characters exceeds the limit of 1000 characters; file not loaded",
                big.errors().get(0).message());
    }

    @Test
    void noMessageNamesTheParsersInternals() {
        for (String bad : List.of("[".repeat(50), "\"" + "a".repeat(100_001) + "\"", "1".repeat(61), "{\"" + "k".repeat(1001) + "\": 1}")) {
            String all = errors(load("internal.json", withValue(bad)));
            assertFalse(all.contains("StreamReadConstraints") || all.contains("`") || all.contains("com.fasterxml"), all);
        }
    }

    @Test
    void valuesUpToTenThousandCharactersAreKept() {
        LoadResult ok = load("v10k.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"a\", \"name\": \"" + "n".repeat(10_000)
                + "\", \"kind\": \"company\"}]}");
        assertEquals(List.of(), ok.errors());
        LoadResult big = load("v10k1.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"a\", \"name\": \"" + "n".repeat(10_001)
                + "\", \"kind\": \"company\"}]}");
        assertEquals("v10k1.json", Path.of(big.errors().get(0).file()).getFileName().toString());
        assertEquals("value longer than 10000 characters", big.errors().get(0).message());
        assertEquals("name", big.errors().get(0).field());
    }

    @Test
    void noDefaultTypingAndTypeHintsAreJustUnknownKeys() throws Exception {
        Field f = Class.forName("org.offbook.load.JsonDocumentReader").getDeclaredField("MAPPER");
        f.setAccessible(true);
        ObjectMapper mapper = (ObjectMapper) f.get(null);
        assertNull(mapper.getDeserializationConfig().getDefaultTyper(mapper.constructType(Object.class)), "no default typing");
        LoadResult r = load("typed.json", "{\"@class\": \"java.lang.ProcessBuilder\", \"source\": \"s\", \"entities\": ["
                + "{\"@type\": \"java.net.URL\", \"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}]}");
        String all = errors(r);
        assertTrue(all.contains("field '@class': unknown top-level key"), all);
        assertTrue(all.contains("field '@type': unknown field for entities"), all);
        assertEquals(0, r.facts().size());
    }

    /** Regression (found by hand, then by the fuzzer): 1e999999999 took 11 s and 2 GB to write out as digits. */
    @Test
    void hugeExponentsAreRefusedQuicklyAsOutOfRange() {
        for (String v : List.of("1e999999999", "-1e999999999", "1e-999999999", "1E+2147483647")) {
            long start = System.nanoTime();
            LoadResult r = load("exp.json", "{\"source\": \"s\", \"leases\": [{\"lessee\": \"a\", \"lessor\": \"a\", \"termYears\": " + v
                    + ", \"assetLifeYears\": " + v + ", \"assetCost\": " + v + ", \"currency\": \"USD\"}],\n"
                    + " \"stakes\": [{\"holder\": \"a\", \"entity\": \"a\", \"share\": " + v + "}],"
                    + " \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}]}");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2_000, v + " took " + millis + " ms");
            assertEquals(1, r.facts().size(), errors(r)); // the entity
            String all = errors(r);
            assertTrue(all.contains("field 'termYears': number out of range") && all.contains("field 'share': number out of range")
                    && all.contains("field 'assetCost': not an amount"), all);
        }
    }

    /** Regression: a CSV "1e999999999" was accepted and stopped every rule with an ArithmeticException. */
    @Test
    void anExponentInCsvNeverReachesTheRules() {
        TestFiles.write(dir, "e.entities.csv", "id,name,kind,source\nm,M,company,s\nv,V,spv,s\n");
        TestFiles.write(dir, "e.leases.csv", "lessee,lessor,termYears,assetLifeYears,source\nm,v,1e999999999,3,s\nm,v,4,1E+2,s\n");
        LoadResult r = FolderLoader.load(List.of(dir));
        assertEquals(3, r.facts().size(), errors(r));
        assertEquals(List.of("e.leases.csv:2: field 'termYears': number out of range: '1e999999999' (at most 40 digits before and after "
                + "the decimal point)"), r.errors().stream().map(e -> e.toString().replace(dir + "/", "")).toList());
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutBeingRead() {
        Hostile.sparse(dir.resolve("one-gib.json"), 1L << 30);
        long start = System.nanoTime();
        LoadResult r = FolderLoader.load(List.of(dir.resolve("one-gib.json")));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "refused at once");
        assertEquals("file is 1024 MiB; the limit is 64 MiB; file not loaded", r.errors().get(0).message());
    }

    /**
     * A name that leads to an endless device (here through a symbolic link) is cut off, not read
     * until memory runs out: a CSV line beyond 1 MiB characters, JSON that is not JSON at once.
     */
    @Test
    void endlessInputIsCutOff() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")) && Files.exists(Path.of("/dev/urandom")), "needs /dev/zero");
        // one load each: two names of one real file are read once
        for (String[] link : List.of(new String[] {"zero.stakes.csv", "/dev/zero"}, new String[] {"zero.json", "/dev/zero"},
                new String[] {"random.json", "/dev/urandom"}, new String[] {"random.leases.csv", "/dev/urandom"})) {
            Path p = dir.resolve(link[0]);
            Files.createSymbolicLink(p, Path.of(link[1]));
            long start = System.nanoTime();
            LoadResult r = FolderLoader.load(List.of(p));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 20_000, link[0] + " took " + millis + " ms");
            assertEquals(1, r.errors().size(), link[0] + " is reported: " + errors(r));
            assertEquals(0, r.facts().size());
            assertTrue(errors(r).chars().noneMatch(c -> c < 0x20), errors(r));
        }
    }

    /** Regression found by the fuzzer: an id holding a line break made a two-line message. */
    @Test
    void aValueWithALineBreakIsQuotedOnOneLine() {
        LoadResult r = load("nl.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"a\\nb\", \"name\": \"A\", \"kind\": \"company\"}]}");
        assertEquals("field 'id': contains a line break or tab (U+000A); a name or identifier is one line",
                r.errors().get(0).toString().replaceFirst("^.*?: ", ""));
    }

    /** Regression found by the fuzzer: a carriage return inside a CSV column name (opencsv reads it as a line break). */
    @Test
    void aColumnNameWithACarriageReturnIsShownOnOneLine() {
        LoadResult r = load("cr.contracts.csv", "\"id\rbuyer\",seller,source\nx,y,s\n");
        assertEquals("field 'id\\nbuyer': unknown column for contracts (custom columns must start with 'x-')",
                r.errors().get(0).toString().replaceFirst("^.*?: ", ""));
    }

    /** Regression found by the fuzzer: opencsv's message quoted the lost text, line breaks and all, and gave no line. */
    @Test
    void anUnclosedQuoteNamesTheRowsLine() {
        LoadResult r = load("q.entities.csv", "id,name,kind,source\na,A,company,s\nb,\"B\nC,company,s\n");
        assertEquals("q.entities.csv:3: malformed CSV: a quoted cell in the row starting on this line is never closed; file not loaded",
                r.errors().get(0).toString().replace(dir + "/", ""));
    }

    /** Suggestions are computed only for names that could be close: a header of huge names costs no edit distances. */
    @Test
    void aHeaderOfHugeColumnNamesIsRefusedQuickly() {
        String name = "c".repeat(50_000);
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            header.append(i == 0 ? "" : ",").append(name).append(i);
        }
        long start = System.nanoTime();
        LoadResult r = load("wide.stakes.csv", header + "\n");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "refused at once");
        assertTrue(errors(r).contains("header not understood; file not loaded"), errors(r));
        assertTrue(r.errors().stream().allMatch(e -> e.toString().length() < 400), "names are cut short in messages");
    }
}
