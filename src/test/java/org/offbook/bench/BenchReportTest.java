package org.offbook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;

/** The benchmark's tables and checks, from measurements made up for the test (no benchmark runs here). */
class BenchReportTest {

    @TempDir
    Path tmp;

    private static ObjectNode json(String text) throws IOException {
        return (ObjectNode) BenchRun.JSON.readTree(text);
    }

    private Bench bench() {
        return new Bench(new Bench.Options(List.of(100), 1, 10, MarketGenerator.Layout.TABLES, 3, 1, tmp, Path.of("rules"),
                List.of("-XX:+UseSerialGC"), true, true, false, false), new PrintWriter(new StringWriter()));
    }

    private static Bench.Size size(boolean same, int plantedFound) throws IOException {
        ObjectNode market = json("{\"facts\": 4837, \"bytes\": 500000}");
        JsonNode e2e = json("{\"processMs\": 1100, \"jvmToMainMs\": 130, \"stages\": {\"load\": 130, \"rules\": 210},"
                + " \"rssPeakMb\": 188, \"heapPeakMb\": 113, \"findings\": 262, \"planted\": 20, \"plantedFound\": " + plantedFound
                + ", \"errors\": 0, \"cpuMs\": 1500, \"gcMs\": 30, \"loadAverage\": 0.4}");
        JsonNode detail = json("{\"loadMs\": 160, \"factsPerSec\": 29476, \"mbPerSec\": 3.2, \"compileColdMs\": 1310,"
                + " \"compileCachedMs\": 80, \"evalMs\": 330, \"findings\": 262, \"planted\": 20, \"plantedFound\": 20,"
                + " \"subsetMedianMs\": 15, \"baselineMedianMs\": 2, \"ratio\": 7.5, \"subsetFindings\": 27, \"same\": " + same
                + ", \"sameAsFullRun\": true, \"differences\": [],"
                + " \"perRule\": [{\"rule\": \"COVER-001\", \"rulesMs\": 1093, \"findingsMs\": 12, \"findings\": 682}]}");
        return new Bench.Size(100, market, List.of(e2e), 1100, detail, "profile table\n", List.of(e2e), 1200, true);
    }

    @Test
    void tablesShowEverySizeAndTheRatio() throws IOException {
        String md = bench().markdown(List.of(size(true, 20)));
        assertTrue(md.contains("| 100 | 4,837 | 0.5 | 0.16 | 29,476 | 3.2 | 1.31 | 0.08 | 0.33 | 1.1 | 188 | 113 | 262 | 20/20 |"), md);
        assertTrue(md.contains("| 100 | 15 | 2 | 7.5 | 27 | yes |"), md);
        assertTrue(md.contains("| COVER-001 | 1.09 | 0.01 | 682 |"), md);
        assertTrue(md.contains("profile table"), md);
        assertTrue(md.contains("| 100 | 0.13 | 0.13 | 0.21 | 1.10 | 1.50 | 0.03 | 0.4 |"), md);
    }

    @Test
    void checksFailOnAMissedPlantedFindingOrADisagreement() throws IOException {
        assertTrue(Bench.passed(List.of(size(true, 20))));
        assertFalse(Bench.passed(List.of(size(false, 20))));
        assertFalse(Bench.passed(List.of(size(true, 19))));
    }

    @Test
    void jsonCarriesTheMachineAndEveryMeasurement() throws IOException {
        Path f = tmp.resolve("results.json");
        bench().writeJson(List.of(size(true, 20)), f);
        JsonNode r = BenchRun.JSON.readTree(f.toFile());
        assertTrue(r.path("machine").path("nproc").asInt() > 0);
        assertEquals(100, r.path("sizes").get(0).path("companies").asInt());
        assertEquals(7.5, r.path("sizes").get(0).path("detail").path("ratio").asDouble());
    }

    @Test
    void subsetRuleFolderHoldsTheBaselineRulesAndTheThresholds() throws IOException {
        Path dir = BenchRun.subsetRules(TestFiles.project("rules"), tmp, JavaBaseline.RULES);
        try (var walk = Files.walk(dir)) {
            List<String> drl = walk.filter(p -> p.toString().endsWith(".drl")).map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("CONC-001.drl", "COVER-001.drl", "LEASE-003.drl", "SPV-001.drl", "VENDOR-001.drl"), drl);
        }
        assertTrue(Files.isRegularFile(dir.resolve("thresholds.csv")));
    }
}
