package org.offbook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadResult;
import org.offbook.engine.CompiledRules;
import org.offbook.engine.RuleCompiler;
import org.offbook.engine.RuleRunner;
import org.offbook.pipeline.Check;
import picocli.CommandLine;

/**
 * The market generator and the baseline, at a small size (a few seconds): the same seed gives the
 * same bytes, the market loads without errors in both layouts, every planted finding is reported by
 * the shipped rules, and the plain-Java baseline reports exactly what offbook reports for its rules.
 * Speed is measured by {@code offbook bench}, never here.
 */
class MarketGeneratorTest {

    private static final int COMPANIES = 60;

    @TempDir
    static Path tmp;

    static Path tables;
    static MarketGenerator.Summary summary;
    static LoadResult loaded;

    @BeforeAll
    static void generate() throws IOException {
        tables = tmp.resolve("tables");
        summary = MarketGenerator.generate(new MarketGenerator.Spec(COMPANIES, 7, 3, MarketGenerator.Layout.TABLES), tables);
        loaded = FolderLoader.load(List.of(tables));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        Path again = tmp.resolve("again");
        MarketGenerator.generate(new MarketGenerator.Spec(COMPANIES, 7, 3, MarketGenerator.Layout.TABLES), again);
        assertEquals(contents(tables), contents(again));
        Path other = tmp.resolve("other");
        MarketGenerator.generate(new MarketGenerator.Spec(COMPANIES, 8, 3, MarketGenerator.Layout.TABLES), other);
        assertNotEquals(contents(tables), contents(other));
    }

    @Test
    void loadsWithoutErrorsAndCountsMatch() {
        assertEquals(List.of(), loaded.errors());
        assertEquals(summary.facts(), loaded.facts().size());
        assertEquals(summary.facts(), loaded.factsLoaded());
        assertEquals(summary.factsByType(), countByType(loaded.facts()));
        // every scenario is planted at least once, at any size
        assertEquals(MarketGenerator.SCENARIOS.size(), summary.planted().size());
        assertEquals(new TreeSet<>(MarketGenerator.SCENARIOS), new TreeSet<>(summary.planted().stream().map(Planted::rule).toList()));
        // statements dominate, as in a real market: four a year per company
        assertEquals(COMPANIES * 4L * 3, summary.factsByType().get("statements") - vehicleStatements(loaded.facts()));
    }

    @Test
    void plantedFindingsAreReportedAndTheBaselineAgreesWithOffbook() {
        CompiledRules rules = RuleCompiler.compile(List.of(TestFiles.project("rules")), null);
        Check.Evaluation result = Check.evaluate(rules, loaded.facts(), RuleRunner.Limits.DEFAULT);
        List<FindingKey> found = result.findings().stream().map(FindingKey::of).toList();
        for (Planted p : summary.planted()) {
            assertTrue(found.contains(p.key()), "planted finding not reported: " + p.key() + " (" + p.scenario() + ")");
        }
        List<FindingKey> offbook = found.stream().filter(k -> JavaBaseline.RULES.contains(k.rule())).sorted().toList();
        List<FindingKey> baseline = JavaBaseline.run(loaded.facts(), rules.thresholds()).stream().sorted().toList();
        assertEquals(offbook, baseline);
        // the market has findings of each baseline rule, planted or not
        for (String rule : JavaBaseline.RULES) {
            assertTrue(baseline.stream().anyMatch(k -> k.rule().equals(rule)), "no " + rule + " finding in the market");
        }
    }

    @Test
    void foldersLayoutHoldsTheSameFacts() throws IOException {
        Path folders = tmp.resolve("folders");
        MarketGenerator.Summary s = MarketGenerator.generate(new MarketGenerator.Spec(COMPANIES, 7, 3, MarketGenerator.Layout.FOLDERS), folders);
        LoadResult l = FolderLoader.load(List.of(folders));
        assertEquals(List.of(), l.errors());
        assertEquals(summary.factsByType(), s.factsByType());
        assertEquals(withoutProvenance(loaded.facts()), withoutProvenance(l.facts()));
        assertTrue(Files.isRegularFile(folders.resolve("companies/c00001/filings.json")));
        assertEquals(summary.planted().stream().map(Planted::key).toList(), s.planted().stream().map(Planted::key).toList());
    }

    @Test
    void generateCommand() throws ReflectiveOperationException {
        StringWriter err = new StringWriter();
        Path dir = tmp.resolve("cli");
        assertEquals(0, generate(err, "--companies", "25", "--seed", "3", "--years", "2", dir.toString()), err.toString());
        assertTrue(err.toString().contains("25 companies"), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve(Planted.FILE)));
        assertTrue(Files.isRegularFile(dir.resolve("links/contracts.csv")));
        // a folder that is not empty is refused, as are sizes below one company per scenario
        assertEquals(2, generate(err, "--companies", "25", dir.toString()));
        assertEquals(2, generate(err, "--companies", "5", tmp.resolve("small").toString()));
        assertFalse(Files.exists(tmp.resolve("small")));
    }

    /** Runs the generate command as picocli runs it under {@code offbook} (it is package-private in cli). */
    private static int generate(StringWriter err, String... args) throws ReflectiveOperationException {
        var ctor = Class.forName("org.offbook.bench.GenerateCommand").getDeclaredConstructor();
        ctor.setAccessible(true);
        CommandLine cli = new CommandLine(ctor.newInstance());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void valuesAreWrittenInTheInputFormat() {
        assertEquals("1234.5M", MarketGenerator.money(1_234_500_000));
        assertEquals("-0.046M", MarketGenerator.money(-46_000));
        assertEquals("0M", MarketGenerator.money(0));
        assertEquals("0.2", MarketGenerator.share(0.2));
        assertEquals("0.1235", MarketGenerator.share(0.12349));
        assertEquals("1", MarketGenerator.share(1));
        assertNotEquals(MarketGenerator.ticker(0), MarketGenerator.ticker(1));
        assertTrue(MarketGenerator.ticker(9_999).chars().allMatch(Character::isUpperCase));
        assertThrows(IllegalArgumentException.class, () -> new MarketGenerator.Spec(19, 1, 10, MarketGenerator.Layout.TABLES));
    }

    @Test
    void baselineFindsNothingWithoutThresholds() {
        assertEquals(List.of(), JavaBaseline.run(loaded.facts(), List.of()));
    }

    @Test
    void medianAndDifferences() {
        assertEquals(2, BenchRun.median(List.of(3L, 1L, 2L)));
        assertEquals(2, BenchRun.median(List.of(4L, 1L, 2L, 3L)));
        FindingKey a = FindingKey.of("X-001", "a", List.of("b", "a"));
        assertEquals(List.of("b"), a.related());
        assertEquals(List.of("offbook only: X-001 a -> b"), BenchRun.differences(List.of(a, a), List.of(a)));
    }

    private static Map<String, Long> countByType(List<Fact> facts) {
        Map<String, Long> m = new TreeMap<>();
        for (Fact f : facts) {
            m.merge(FactTypes.nameOf(f.getClass()), 1L, Long::sum);
        }
        return m;
    }

    private static long vehicleStatements(List<Fact> facts) {
        return facts.stream().filter(f -> f instanceof org.offbook.model.Statement s && s.entity().startsWith("v")).count();
    }

    /** Facts as text without where they were read: equal lists mean the same facts in the same order of keys. */
    private static List<String> withoutProvenance(List<Fact> facts) {
        List<String> out = new ArrayList<>();
        for (Fact f : facts) {
            String s = f.toString();
            out.add(s.substring(0, s.lastIndexOf("provenance=")));
        }
        out.sort(null);
        return out;
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                m.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }
}
