package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;

/** offbook rules list|verify|test and offbook explain, as a rule author uses them. */
class RulesCommandTest {

    @TempDir
    Path tmp;

    private Path copyOfRules() {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        return rules;
    }

    @Test
    void listShowsEveryRuleInTextAndJson() throws Exception {
        CheckCommandTest.Run text = CheckCommandTest.run("rules", "list", "--rules", TestFiles.project("rules").toString());
        assertEquals(Main.OK, text.code());
        assertTrue(text.out().contains("SPV-001") && text.out().contains("ASC 810-10-25-38A") && text.out().contains("SPV-001.drl:"), text.out());
        CheckCommandTest.Run json = CheckCommandTest.run("rules", "list", "--format", "json", "--rules", TestFiles.project("rules").toString());
        JsonNode list = new ObjectMapper().readTree(json.out());
        assertTrue(list.size() >= 20);
        JsonNode first = list.get(0);
        for (String field : new String[] {"id", "family", "severity", "title", "standards", "file", "line"}) {
            assertTrue(first.has(field), field);
        }
    }

    @Test
    void verifyPassesOnTheShippedRulesAndNamesEachProblem() throws Exception {
        assertEquals(Main.OK, CheckCommandTest.run("rules", "verify", "--rules", TestFiles.project("rules").toString()).code());
        Path rules = copyOfRules();
        Files.delete(rules.resolve("spv/SPV-002.md"));
        Path drl = rules.resolve("spv/SPV-003.drl");
        Files.writeString(drl, Files.readString(drl).replace("@id(\"SPV-003\")", "@id(\"SPV-001\")"));
        CheckCommandTest.Run r = CheckCommandTest.run("rules", "verify", "--rules", rules.toString());
        assertEquals(Main.LOAD_ERRORS, r.code());
        assertTrue(r.out().contains("spv/SPV-002.drl:14: rule SPV-002: no doc page"), r.out());
        assertTrue(r.out().contains("spv/SPV-003.drl:12: rule 'SPV-003 sole tenant without a stake whose rent services the vehicle's debt': "
                + "@id \"SPV-001\" is already used"), r.out());
    }

    @Test
    void verifyRefusesARuleInTheOldFormAtItsFileLineAndColumn() throws Exception {
        Path rules = copyOfRules();
        Path drl = rules.resolve("spv/SPV-002.drl");
        String text = Files.readString(drl);
        assertTrue(text.contains("findings.report(kcontext)"), text);
        Files.writeString(drl, text.replace("findings.report(kcontext)", "findings.report(kcontext).explain(\"{company.name} pays\")"));
        int line = text.substring(0, text.indexOf("findings.report(kcontext)")).split("\n", -1).length;
        int column = text.lines().skip(line - 1).findFirst().orElseThrow().indexOf("findings.report(kcontext)") + 1
                + "findings.report(kcontext)".length();
        CheckCommandTest.Run r = CheckCommandTest.run("rules", "verify", "--rules", rules.toString());
        assertEquals(Main.LOAD_ERRORS, r.code());
        assertTrue(r.out().contains("spv/SPV-002.drl:" + line + ":" + column + ": .explain(...) in a consequence is the old form, "
                + "no longer supported: declare the text as @explain(\"...\")"), r.out());
    }

    @Test
    void testRunsCasesAndFailsWithTheDifference() throws Exception {
        CheckCommandTest.Run ok = CheckCommandTest.run("rules", "test", "--rules", TestFiles.project("rules").toString(), "CONC-003");
        assertEquals(Main.OK, ok.code());
        assertTrue(ok.out().endsWith("5 passed, 0 failed\n"), ok.out());
        Path rules = copyOfRules();
        Path csv = rules.resolve("thresholds.csv");
        Files.writeString(csv, Files.readString(csv).replace("conc.rpo-to-revenue.medium,3,", "conc.rpo-to-revenue.medium,2.9,"));
        CheckCommandTest.Run bad = CheckCommandTest.run("rules", "test", "--rules", rules.toString(), "CONC-003");
        assertEquals(Main.FINDINGS, bad.code());
        assertTrue(bad.out().contains("FAIL conc/CONC-003.tests/just-below-three-times"), bad.out());
        assertTrue(bad.out().contains("expected no CONC-003 on oracle, but it fired"), bad.out());
        assertTrue(bad.out().contains("4 passed, 1 failed"), bad.out());
    }

    @Test
    void explainPrintsTheDocAndCurrentThresholds() {
        CheckCommandTest.Run r = CheckCommandTest.run("explain", "SPV-002", "--rules", TestFiles.project("rules").toString());
        assertEquals(Main.OK, r.code());
        assertTrue(r.out().startsWith("# SPV-002"), r.out());
        assertTrue(r.out().contains("spv.equity-at-risk.max = 0.10 share"), r.out());
        assertEquals(Main.USAGE, CheckCommandTest.run("explain", "NOPE-001", "--rules", TestFiles.project("rules").toString()).code());
    }
}
