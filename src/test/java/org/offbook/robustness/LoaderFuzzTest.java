package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.offbook.TestFiles;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Money;
import org.offbook.model.FileStats;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;
import org.offbook.prepare.Derivations;

/**
 * Fuzzing of the loaders with jqwik: the real filings, mutated byte by byte, and generated
 * documents and tables full of awkward values. Whatever the input, no exception escapes the
 * loader: every problem is a one-line error naming the file, the counts reconcile, and what the
 * loader accepts is safe to compute with (the derived facts and every fact's own computations).
 *
 * <p>The tries here are a budget for the normal suite (a few seconds); a longer run is
 * {@code -Doffbook.fuzz.tries=N} (see docs/security.md). A crash found becomes a case in
 * {@link BadInputs} or a test in {@link LimitsTest}.
 */
class LoaderFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILINGS = TestFiles.project("filings");
    private static final Path ENTITIES = FILINGS.resolve("entities.json");
    private static final Path WORK;
    private static final List<Seed> JSON_SEEDS = new ArrayList<>();
    private static final List<Seed> CSV_SEEDS = new ArrayList<>();

    /** A seed file: its name (which, for CSV, says its fact type) and its bytes. */
    record Seed(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    static {
        try {
            WORK = Files.createTempDirectory("offbook-fuzz");
            try (Stream<Path> walk = Files.walk(FILINGS)) {
                for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                    if (p.toString().endsWith(".json")) {
                        JSON_SEEDS.add(new Seed(p.getFileName().toString(), Files.readAllBytes(p)));
                        CSV_SEEDS.addAll(asTables(p));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void removeWorkFolder() throws IOException {
        try (Stream<Path> walk = Files.walk(WORK)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The fact arrays of a JSON filing as CSV tables ({@code meta.stakes.csv}): realistic CSV seeds. */
    private static List<Seed> asTables(Path json) throws IOException {
        List<Seed> out = new ArrayList<>();
        JsonNode doc = JSON.readTree(json.toFile());
        String source = doc.path("source").asText("seed");
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!FactTypes.BY_NAME.containsKey(e.getKey()) || !e.getValue().isArray() || e.getValue().isEmpty()) {
                continue;
            }
            Set<String> columns = new LinkedHashSet<>();
            for (JsonNode fact : e.getValue()) {
                fact.fieldNames().forEachRemaining(columns::add);
            }
            columns.add("source");
            StringWriter w = new StringWriter();
            try (CSVWriter csv = new CSVWriter(w, ',', '"', '"', "\n")) {
                csv.writeNext(columns.toArray(String[]::new), false);
                for (JsonNode fact : e.getValue()) {
                    List<String> row = new ArrayList<>();
                    for (String c : columns) {
                        JsonNode v = fact.get(c);
                        if (v == null && c.equals("source")) {
                            row.add(source);
                        } else if (v == null || v.isNull()) {
                            row.add("");
                        } else if (v.isArray()) {
                            List<String> items = new ArrayList<>();
                            v.forEach(i -> items.add(i.asText()));
                            row.add(String.join("; ", items));
                        } else {
                            row.add(v.isContainerNode() ? v.toString() : v.asText());
                        }
                    }
                    csv.writeNext(row.toArray(String[]::new), false);
                }
            }
            String base = json.getFileName().toString().replace(".json", "");
            out.add(new Seed(base + "." + e.getKey() + ".csv", w.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    // ------------------------------------------------------------------------------ properties

    @Property(tries = 300)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedJsonFilingsNeverEscapeTheLoader(@ForAll("jsonSeeds") Seed seed, @ForAll("mutations") List<Mutation> mutations) {
        loadsCleanly("fuzz.json", mutate(seed.bytes(), mutations));
    }

    @Property(tries = 300)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedCsvTablesNeverEscapeTheLoader(@ForAll("csvSeeds") Seed seed, @ForAll("mutations") List<Mutation> mutations) {
        loadsCleanly("fuzz." + seed.name().replaceAll("^.*\\.(\\w+)\\.csv$", "$1") + ".csv", mutate(seed.bytes(), mutations));
    }

    @Property(tries = 300)
    @AddLifecycleHook(FuzzTries.class)
    void generatedJsonDocumentsNeverEscapeTheLoader(@ForAll("documents") String document) {
        loadsCleanly("generated.json", document.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    @AddLifecycleHook(FuzzTries.class)
    void generatedCsvTablesNeverEscapeTheLoader(@ForAll("tableTypes") String type, @ForAll("tables") List<List<String>> rows,
                                                @ForAll boolean quoted) {
        loadsCleanly("generated." + type + ".csv", table(type, rows, quoted).getBytes(StandardCharsets.UTF_8));
    }

    /** An inline XBRL document and an XBRL instance with the features the XBRL reader handles: seeds for its fuzzing. */
    static final String IXBRL_SEED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" "
            + "xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" "
            + "xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\" "
            + "xmlns:dei=\"http://xbrl.sec.gov/dei/2024\" xmlns:srt=\"http://fasb.org/srt/2024\" "
            + "xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\" "
            + "xmlns:ixt-sec=\"http://www.sec.gov/inlineXBRL/transformation/2015-08-31\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            + "<body><div><ix:header><ix:hidden><ix:nonNumeric name=\"dei:EntityCentralIndexKey\" contextRef=\"c-1\">0001326801</ix:nonNumeric>"
            + "<ix:nonNumeric name=\"dei:DocumentPeriodEndDate\" contextRef=\"c-1\" format=\"ixt:date-monthname-day-year-en\">December 31, 2024</ix:nonNumeric>"
            + "</ix:hidden><ix:resources>\n"
            + "<xbrli:context id=\"c-1\"><xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0001326801</xbrli:identifier></xbrli:entity>"
            + "<xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>\n"
            + "<xbrli:context id=\"c-2\"><xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0001326801</xbrli:identifier>"
            + "<xbrli:segment><xbrldi:explicitMember dimension=\"srt:RangeAxis\">srt:MaximumMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity>"
            + "<xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>\n"
            + "<xbrli:unit id=\"usd\"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>"
            + "<xbrli:unit id=\"ps\"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unitNumerator>"
            + "<xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator></xbrli:divide></xbrli:unit>\n"
            + "</ix:resources></ix:header></div>\n"
            + "<p><ix:nonFraction name=\"us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount\" contextRef=\"c-1\" unitRef=\"usd\" "
            + "decimals=\"-7\" scale=\"9\" format=\"ixt:num-dot-decimal\">34.12</ix:nonFraction> and "
            + "<ix:nonFraction name=\"us-gaap:OperatingLeaseLiability\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"-6\" scale=\"6\" sign=\"-\" "
            + "format=\"ixt:num-dot-decimal\">20,234</ix:nonFraction>; <ix:nonFraction name=\"us-gaap:X\" contextRef=\"c-1\" unitRef=\"ps\" "
            + "decimals=\"INF\"><ix:nonFraction name=\"us-gaap:Y\" contextRef=\"c-1\" unitRef=\"ps\" decimals=\"INF\">0.000006</ix:nonFraction></ix:nonFraction>"
            + "<ix:nonFraction name=\"us-gaap:Z\" contextRef=\"c-1\" unitRef=\"usd\" xsi:nil=\"true\"/></p>\n"
            + "<p><ix:nonNumeric name=\"us-gaap:LesseeOperatingLeaseLeaseNotYetCommencedTermOfContract1\" contextRef=\"c-2\" "
            + "format=\"ixt-sec:durwordsen\">thirty years</ix:nonNumeric> <ix:nonNumeric name=\"us-gaap:Life\" contextRef=\"c-2\" "
            + "format=\"ixt-sec:duryear\">5.5</ix:nonNumeric></p>\n"
            + "<div><ix:nonNumeric name=\"us-gaap:LeasesTextBlock\" contextRef=\"c-1\" continuedAt=\"k\"><p>Leases</p><ix:exclude>12</ix:exclude>"
            + "</ix:nonNumeric></div><div><ix:continuation id=\"k\"><p>and more</p></ix:continuation></div>\n"
            + "</body></html>\n";

    static final String INSTANCE_SEED = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<xbrl xmlns=\"http://www.xbrl.org/2003/instance\" xmlns:us-gaap=\"http://fasb.org/us-gaap/2023\" "
            + "xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" xmlns:dei=\"http://xbrl.sec.gov/dei/2023\" "
            + "xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\" xmlns:srt=\"http://fasb.org/srt/2023\">\n"
            + "<context id=\"c-1\"><entity><identifier scheme=\"http://www.sec.gov/CIK\">0001318605</identifier></entity>"
            + "<period><instant>2024-06-30</instant></period></context>\n"
            + "<context id=\"c-2\"><entity><identifier scheme=\"http://www.sec.gov/CIK\">0001318605</identifier><segment>"
            + "<xbrldi:typedMember dimension=\"us-gaap:StartDateAxis\"><us-gaap:D>2025-01-01</us-gaap:D></xbrldi:typedMember></segment></entity>"
            + "<period><startDate>2024-01-01</startDate><endDate>2024-06-30</endDate></period></context>\n"
            + "<unit id=\"usd\"><measure>iso4217:USD</measure></unit>\n"
            + "<dei:DocumentType contextRef=\"c-2\">10-Q</dei:DocumentType>\n"
            + "<us-gaap:GuaranteeObligationsMaximumExposure contextRef=\"c-1\" unitRef=\"usd\" decimals=\"-6\">807000000</us-gaap:GuaranteeObligationsMaximumExposure>\n"
            + "<us-gaap:Policy contextRef=\"c-2\">&lt;p&gt;Text &amp;amp; more&lt;/p&gt;</us-gaap:Policy>\n"
            + "</xbrl>\n";

    @Property(tries = 200)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedInlineXbrlNeverEscapesTheLoader(@ForAll("mutations") List<Mutation> mutations, @ForAll boolean gzip) {
        byte[] bytes = mutate(IXBRL_SEED.getBytes(StandardCharsets.UTF_8), mutations);
        loadsCleanly(gzip ? "fuzz.htm.gz" : "fuzz.htm", gzip ? gzip(bytes, mutations.size() % 3 == 0) : bytes);
    }

    @Property(tries = 200)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedXbrlInstancesNeverEscapeTheLoader(@ForAll("mutations") List<Mutation> mutations) {
        loadsCleanly("fuzz.xml", mutate(INSTANCE_SEED.getBytes(StandardCharsets.UTF_8), mutations));
    }

    /** Gzip of the bytes; when {@code cut}, the compressed stream is cut short. */
    private static byte[] gzip(byte[] bytes, boolean cut) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = out.toByteArray();
        return cut ? Arrays.copyOf(all, all.length * 2 / 3) : all;
    }

    /**
     * Issue 13: a filing saved twice ("deal (1).json") is the same facts, counted once: the second
     * copy adds no fact, its facts are counted as merged, and nothing is rejected for it.
     */
    @Property(tries = 100)
    @AddLifecycleHook(FuzzTries.class)
    void aFilingReadTwiceGivesTheSameFacts(@ForAll("jsonSeeds") Seed seed, @ForAll("copyNames") String copyName) throws IOException {
        Path dir = Files.createTempDirectory(WORK, "dup");
        Path one = dir.resolve(seed.name().replace('/', '_'));
        Files.write(one, seed.bytes());
        LoadResult once = FolderLoader.load(List.of(ENTITIES, one));
        Files.write(dir.resolve(copyName), seed.bytes());
        LoadResult twice = FolderLoader.load(List.of(ENTITIES, dir));
        assertEquals(once.facts().size(), twice.facts().size(), "a copy added facts");
        assertEquals(once.errors().size() * 2L, twice.errors().size(), "a copy gave other errors than its own");
        assertEquals(twice.factsRead(), twice.factsLoaded() + twice.factsRejected());
        assertTrue(twice.merged() >= once.facts().size() - countEntities(once), "the copy's facts are counted as merged");
    }

    private static long countEntities(LoadResult r) {
        return r.facts().stream().filter(f -> f instanceof org.offbook.model.Entity).count();
    }

    @Provide
    Arbitrary<String> copyNames() {
        return Arbitraries.of("deal (1).json", "copy.json", "zz.json", "a.json", "Meta.JSON.json");
    }

    /**
     * Issue 13: symbolic links in a checked folder, pointing anywhere. Nothing outside the folder
     * is read (a secret beside it never reaches a fact), no link makes the loader walk the system,
     * and every link out is listed.
     */
    @Property(tries = 60)
    @AddLifecycleHook(FuzzTries.class)
    void linksNeverLeadOutOfTheFolder(@ForAll("linkTargets") String target, @ForAll("linkNames") String name) throws IOException {
        Path base = Files.createTempDirectory(WORK, "links");
        Path in = Files.createDirectories(base.resolve("in"));
        Path secret = base.resolve("secret.json");
        Files.writeString(secret, "{\"source\": \"s\", \"entities\": [{\"id\": \"x\", \"name\": \"TOKEN-0xSECRET\", \"kind\": \"company\"}]}");
        Files.copy(ENTITIES, in.resolve("entities.json"));
        Path to = switch (target) {
            case "secret" -> secret;
            case "parent" -> base;
            case "root" -> Path.of("/");
            case "self" -> in;
            case "inside" -> in.resolve("entities.json");
            case "broken" -> base.resolve("nothing-here.json");
            default -> Path.of("/proc/self/environ");
        };
        Files.createSymbolicLink(in.resolve(name), to);
        long start = System.nanoTime();
        LoadResult r = FolderLoader.load(List.of(in));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "walking the links took too long");
        for (Fact f : r.facts()) {
            assertFalse(f.toString().contains("TOKEN-0xSECRET"), "a file outside the folder was read: " + f);
            assertTrue(f.provenance().file().startsWith(FolderLoader.displayName(in)), f.provenance().toString());
        }
        if (!to.startsWith(in) && !target.equals("broken") && !name.startsWith(".")) { // hidden names are ignored before links are looked at
            assertTrue(r.notices().stream().anyMatch(n -> n.message().contains("outside the folders checked")), r.notices().toString());
        }
        assertEquals(r.factsRead(), r.factsLoaded() + r.factsRejected());
    }

    @Provide
    Arbitrary<String> linkTargets() {
        return Arbitraries.of("secret", "parent", "root", "self", "inside", "broken", "environ");
    }

    @Provide
    Arbitrary<String> linkNames() {
        return Arbitraries.of("link.json", "stakes.csv", "sub", ".hidden.json", "x.zip");
    }

    /**
     * Issue 13: SEC companyfacts values of every size and form, alone and as year-to-date pairs (from
     * which quarters are derived by subtraction): loaded or rejected with an error, never a crash,
     * an endless computation or a heap filled.
     */
    @Property(tries = 200)
    @AddLifecycleHook(FuzzTries.class)
    void secValuesOfAnySizeAreLoadedOrRejected(@ForAll("secValues") String first, @ForAll("secValues") String second) {
        String doc = "{\"cik\": 1326801, \"entityName\": \"Meta\", \"facts\": {\"us-gaap\": {\"Revenues\": {\"units\": {\"USD\": [\n"
                + "{\"start\": \"2024-01-01\", \"end\": \"2024-03-31\", \"val\": " + first
                + ", \"accn\": \"0001326801-24-000012\", \"form\": \"10-Q\", \"filed\": \"2024-04-25\"},\n"
                + "{\"start\": \"2024-01-01\", \"end\": \"2024-06-30\", \"val\": " + second
                + ", \"accn\": \"0001326801-24-000020\", \"form\": \"10-Q\", \"filed\": \"2024-07-31\"},\n"
                + "{\"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"val\": " + second
                + ", \"accn\": \"0001326801-25-000017\", \"form\": \"10-K\", \"filed\": \"2025-01-30\"}]}}}}}";
        loadsCleanly("companyfacts.json", doc.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> secValues() {
        Arbitrary<String> exponent = Arbitraries.integers().between(-999_999_999, 999_999_999).map(e -> "1e" + e);
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(59).map(d -> "1" + d);
        Arbitrary<String> fraction = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(55).map(d -> "0." + d);
        return Arbitraries.oneOf(exponent, digits, fraction, Arbitraries.of("0", "-0", "-1e999999999", "1E+308", "4.9e-324", "-123456789012345",
                "1234567890123456", "999999999999999.999999999999", "\"12\"", "null", "true", "[]", "{}"),
                Arbitraries.longs().map(Object::toString));
    }

    /** The check every input must pass: loaded without an exception, and what came out is sound. */
    static void loadsCleanly(String name, byte[] content) {
        Path file = WORK.resolve(name);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        LoadResult r = FolderLoader.load(List.of(ENTITIES, file));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, "loading took " + millis + " ms");
        String shown = FolderLoader.displayName(file);
        for (Problem e : r.errors()) {
            String line = e.toString();
            assertTrue(line.chars().noneMatch(c -> c < 0x20), () -> "an error that is not one printable line: " + line);
            assertTrue(line.length() < 2_000, () -> "an error of " + line.length() + " characters: " + line.substring(0, 200));
            assertTrue(e.file().equals(shown) || e.file().equals(FolderLoader.displayName(ENTITIES)), () -> "an error naming another file: " + line);
            assertTrue(e.line() >= 0 && e.column() >= 0, () -> line);
        }
        for (FileStats s : r.files()) {
            assertTrue(s.loaded() >= 0 && s.loaded() <= s.read(), s::toString);
            assertEquals(s.read(), s.loaded() + s.rejected(), s.toString());
            if (s.rejected() > 0) {
                assertTrue(r.errors().stream().anyMatch(e -> e.file().equals(s.file())), () -> "facts of " + s.file() + " rejected silently");
            }
        }
        assertEquals(r.factsRead(), r.factsLoaded() + r.factsRejected());
        // what was accepted is safe to compute with: derived facts, fact methods, money display
        Derivations.derive(r.facts());
        for (Fact f : r.facts()) {
            exercise(f);
        }
    }

    /** Calls every public no-argument method a fact offers to rules (getTenorYears, isAnnual, ...). */
    static void exercise(Fact f) {
        FactTypes.key(f);
        for (RecordComponent c : f.getClass().getRecordComponents()) {
            if (FactTypes.get(f, c) instanceof Money m) {
                m.display();
                m.toString();
            }
        }
        for (Method m : f.getClass().getMethods()) {
            if (m.getParameterCount() == 0 && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && (m.getName().startsWith("get") || m.getName().startsWith("is")) && !m.getName().equals("getClass")) {
                try {
                    m.invoke(f);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(f.getClass().getSimpleName() + "." + m.getName() + "() threw on an accepted fact "
                            + f + ": " + e.getCause(), e.getCause());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------ mutations

    /** Ways to damage a file. */
    enum Kind { FLIP_BIT, SET_BYTE, INSERT, DELETE, DUPLICATE, REPLACE, TRUNCATE }

    /**
     * One mutation at a relative position (0 to 1) of the file.
     *
     * @param kind     what to do
     * @param at       where, as a fraction of the length
     * @param length   how many bytes to delete, duplicate or replace
     * @param payload  what to insert or replace with
     */
    record Mutation(Kind kind, double at, int length, String payload) {
    }

    /** Tokens that reach the corners of the parsers and the binder. */
    static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\\u0000", "\\ud800", "\\u001b[2J", "\\u202e",
            "null", "true", "false", "-", "0", "-0", "1e999999999", "1e-999999999", "1E400", "9".repeat(45), "0." + "0".repeat(50) + "1",
            "\u0000", "\uFEFF", "\r", "\r\n", "\n", "\t", "%", "120%", "-5%", "USD", "USD -1B", "XYZ 5M", "USD 1.2T", "usd 5", "2025-02-30",
            "+999999999-12-31", "2049", "2049-13", "\"share\": 2", "\"x-a\": {\"b\": [1, [2, [3]]]}", "\"entities\"", "\"stakes\"",
            "\"source\"", "\"note\"", "\"\"", ";", ";;", "\"\"\"", "=HYPERLINK(\"x\")", "<script>", "\u00e9", "\ud83d\ude00", "\u2028");

    @Provide
    Arbitrary<Seed> jsonSeeds() {
        return Arbitraries.of(JSON_SEEDS);
    }

    @Provide
    Arbitrary<Seed> csvSeeds() {
        return Arbitraries.of(CSV_SEEDS);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<String> payload = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8));
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 200), payload)
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(6);
    }

    static byte[] mutate(byte[] seed, List<Mutation> mutations) {
        byte[] b = seed;
        for (Mutation m : mutations) {
            int at = (int) Math.min(b.length, Math.floor(m.at() * b.length));
            int end = Math.min(b.length, at + m.length());
            byte[] payload = m.payload().getBytes(StandardCharsets.UTF_8);
            b = switch (m.kind()) {
                case FLIP_BIT -> {
                    byte[] c = b.clone();
                    if (at < c.length) {
                        c[at] ^= (byte) (1 << (m.length() % 8));
                    }
                    yield c;
                }
                case SET_BYTE -> {
                    byte[] c = b.clone();
                    if (at < c.length) {
                        c[at] = (byte) m.length();
                    }
                    yield c;
                }
                case INSERT -> splice(b, at, at, payload);
                case DELETE -> splice(b, at, end, new byte[0]);
                case DUPLICATE -> splice(b, end, end, Arrays.copyOfRange(b, at, end));
                case REPLACE -> splice(b, at, end, payload);
                case TRUNCATE -> Arrays.copyOf(b, at);
            };
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    // ------------------------------------------------------------------------------ generation

    /** Values people write, values that are nearly right, and values that are wrong in every way. */
    static final List<String> VALUES = List.of("meta", "beignet", "coreweave", "Hyperion JV", "META", "nobody", "", " ", "USD 27.3B",
            "USD 0.01", "USD -46M", "27.3B", "USD 27,300", "USD 27.3 bn", "XYZ 1M", "USD", "20%", "100%", "0", "1", "0.5", "2", "-1", "abc",
            "2025-10-31", "2025-10", "2049", "2025-02-30", "1900-01-01", "9999-12-31", "0000-01-01", "yes", "No", "TRUE", "maybe", "bond",
            "SPV", "data-centre", "operating", "letter-of-intent", "1e3", "1e999999999", "1E-400", "NaN", "Infinity", "0x10", "+5", ".5",
            "5.", "1".repeat(40), "1".repeat(41), "x".repeat(10_001), "a\nb", "a\u0000b", "\u202eevil", "\ud800", "=1+1", "<b>", "a;b;;c");

    @Provide
    Arbitrary<String> documents() {
        List<String> keys = new ArrayList<>(FactTypes.BY_NAME.keySet());
        keys.addAll(List.of("source", "title", "note", "x-extra", "$schema", "statments", ""));
        Arbitrary<Object> fact = facts();
        Arbitrary<Object> array = Arbitraries.oneOf(fact.list().ofMaxSize(4).map(l -> (Object) l), scalar(), fact);
        return Arbitraries.maps(Arbitraries.of(keys), array).ofMaxSize(5).map(m -> {
            try {
                return JSON.writeValueAsString(m);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Arbitrary<Object> facts() {
        Set<String> names = new LinkedHashSet<>();
        for (Class<? extends Fact> t : FactTypes.BY_NAME.values()) {
            for (RecordComponent c : FactTypes.inputFields(t)) {
                names.add(c.getName());
            }
        }
        names.addAll(List.of("note", "x-own", "shares", "provenance", "id "));
        Arbitrary<Object> value = Arbitraries.oneOf(scalar(), scalar().list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of("a", "b"), scalar()).ofMaxSize(2).map(m -> (Object) m));
        return Arbitraries.maps(Arbitraries.of(List.copyOf(names)), value).ofMaxSize(8).map(m -> (Object) new LinkedHashMap<>(m));
    }

    private static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.of(VALUES).map(v -> (Object) v),
                Arbitraries.strings().ofMaxLength(16).map(v -> (Object) v),
                Arbitraries.bigDecimals().map(v -> (Object) v),
                Arbitraries.of(new BigDecimal("1E+999999999"), new BigDecimal("1E-999999999"), new BigDecimal("-0.0"),
                        new BigDecimal("123456789012345678901234567890123456789012345678901234567")).map(v -> (Object) v),
                Arbitraries.longs().map(v -> (Object) v),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(v -> (Object) v),
                Arbitraries.just((Object) "").injectNull(0.5));
    }

    @Provide
    Arbitrary<String> tableTypes() {
        return Arbitraries.of(List.copyOf(FactTypes.BY_NAME.keySet()));
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(10),
                Arbitraries.of("\"", "\"\"", ",", "a,b", "line\nbreak", "\r\n", "'quoted'", "x-col", "source", "note"));
        return cell.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(5);
    }

    /** A table whose header holds known and unknown columns, and rows of any length. */
    static String table(String type, List<List<String>> rows, boolean quoted) {
        List<String> header = new ArrayList<>();
        for (RecordComponent c : FactTypes.inputFields(FactTypes.BY_NAME.get(type))) {
            header.add(c.getName());
        }
        header = header.subList(0, Math.min(header.size(), rows.get(0).size() + 2));
        StringWriter w = new StringWriter();
        if (quoted) {
            try (CSVWriter csv = new CSVWriter(w, ICSVWriter.DEFAULT_SEPARATOR, '"', '"', "\r\n")) {
                csv.writeNext(header.toArray(String[]::new));
                for (List<String> row : rows) {
                    csv.writeNext(row.toArray(String[]::new));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            w.write(String.join(",", header) + "\n");
            for (List<String> row : rows) {
                w.write(String.join(",", row) + "\n");
            }
        }
        return w.toString();
    }
}
