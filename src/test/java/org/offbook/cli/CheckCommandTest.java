package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;

/** The check command in-process: exit codes, formats, output file, and the JSON report contract. */
class CheckCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private String rules() {
        return TestFiles.project("rules").toString();
    }

    private String hyperion() {
        return TestFiles.fixture("hyperion").toString();
    }

    @Test
    void findingsAtOrAboveFailOnExitFour() {
        Run r = run("check", hyperion(), "--rules", rules());
        assertEquals(Main.FINDINGS, r.code(), r.err());
        assertTrue(r.out().contains("Meta Platforms, Inc. (meta): 5 findings - 1 high, 4 medium"), r.out());
        assertTrue(r.out().indexOf("[HIGH] SPV-001") < r.out().indexOf("[MEDIUM] SPV-002"), "most severe first");
        assertTrue(r.out().contains("Summary: 5 findings (0 critical, 1 high, 4 medium, 0 low, 0 info); 1 file read, 11 facts read, 11 loaded, 0 rejected"), r.out());
        assertEquals("", r.err(), "quiet by default");
    }

    @Test
    void failOnDecidesTheExitCode() {
        assertEquals(Main.FINDINGS, run("check", hyperion(), "--rules", rules(), "--fail-on", "high").code());
        assertEquals(Main.OK, run("check", hyperion(), "--rules", rules(), "--fail-on", "critical").code());
        assertEquals(Main.OK, run("check", hyperion(), "--rules", rules(), "--fail-on", "never").code());
    }

    @Test
    void loadErrorsExitFiveAndTheRestIsStillChecked() {
        TestFiles.copyTree(TestFiles.fixture("hyperion"), dir);
        TestFiles.write(dir, "broken.json", "{ \"stakes\": [ {\"holder\": } ] }");
        Run r = run("check", dir.toString(), "--rules", rules(), "--format", "json");
        assertEquals(Main.LOAD_ERRORS, r.code());
        assertTrue(r.err().contains("broken.json:1:") && r.err().contains("malformed JSON"), r.err());
        assertTrue(r.out().contains("\"ruleId\": \"SPV-001\""), "findings still reported");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(Main.USAGE, run("check", "--format", "xml").code());
        assertEquals(Main.USAGE, run("check", "--fail-on", "severe").code());
        assertEquals(Main.USAGE, run("frobnicate").code());
        assertEquals(Main.USAGE, run().code());
    }

    @Test
    void helpAndVersion() {
        Run help = run("check", "--help");
        assertEquals(Main.OK, help.code());
        assertTrue(help.out().contains("--fail-on") && help.out().contains("Exit codes"), help.out());
        Run version = run("--version");
        assertEquals(Main.OK, version.code());
        assertTrue(version.out().startsWith("offbook "), version.out());
    }

    @Test
    void outputFileGetsTheReportAndStderrTheSummary() throws Exception {
        Path out = dir.resolve("report.json");
        Run r = run("check", hyperion(), "--rules", rules(), "--format", "json", "--output", out.toString());
        assertEquals(Main.FINDINGS, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("5 findings (5 new), 0 errors; wrote "), r.err());
        assertTrue(Files.readString(out).startsWith("{"));
        assertEquals(Main.USAGE, run("check", hyperion(), "--output", dir.resolve("no/such/dir/r.json").toString()).code());
    }

    @Test
    void jsonReportFollowsTheDocumentedContract() throws Exception {
        Run r = run("check", hyperion(), "--rules", rules(), "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("offbook", root.path("tool").path("name").asText());
        assertEquals(1, root.path("inputs").path("files").asInt());
        assertEquals(11, root.path("inputs").path("facts").asInt());
        assertEquals(0, root.path("inputs").path("rejected").asInt());
        assertTrue(root.path("errors").isArray());
        JsonNode f = root.path("findings").get(0);
        for (String field : List.of("fingerprint", "ruleId", "family", "severity", "title", "subject", "entities", "amount",
                "explanation", "why", "procedure", "standards", "evidence")) {
            assertTrue(f.has(field), "finding has " + field);
        }
        assertEquals("SPV-001", f.path("ruleId").asText());
        assertEquals("high", f.path("severity").asText());
        assertEquals("meta", f.path("subject").path("id").asText());
        assertEquals("27300000000", f.path("amount").path("value").asText());
        assertEquals("USD", f.path("amount").path("currency").asText());
        assertTrue(f.path("evidence").get(0).path("file").asText().endsWith("meta.json"));
        assertTrue(f.path("evidence").get(0).path("line").asInt() > 0);
        assertEquals(16, f.path("fingerprint").asText().length());
    }

    @Test
    void sameInputGivesTheSameBytes() {
        String a = run("check", hyperion(), "--rules", rules(), "--format", "json").out();
        String b = run("check", hyperion(), "--rules", rules(), "--format", "json").out();
        assertEquals(a, b);
    }

    @Test
    void severalReportsInOneRun() throws Exception {
        Run r = run("check", hyperion(), "--rules", rules(), "--report", "sarif=" + dir.resolve("a.sarif"),
                "--report", "csv=" + dir.resolve("a.csv"), "--report", "junit=" + dir.resolve("a.xml"));
        assertEquals(Main.FINDINGS, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("a.sarif")).contains("\"version\": \"2.1.0\""));
        assertTrue(Files.readString(dir.resolve("a.csv")).startsWith("ruleId,family,severity"));
        assertTrue(Files.readString(dir.resolve("a.xml")).startsWith("<?xml"));
        assertTrue(r.out().contains("[HIGH] SPV-001"), "the --format report still goes to standard output");
    }

    @Test
    void baselineAcceptsTodaysFindingsAndANewOneStillFails() throws Exception {
        Path input = dir.resolve("in");
        TestFiles.copyTree(TestFiles.fixture("hyperion"), input);
        Path baseline = dir.resolve("baseline.json");
        Run write = run("check", input.toString(), "--rules", rules(), "--write-baseline", baseline.toString());
        assertEquals(Main.OK, write.code(), write.err());
        String text = Files.readString(baseline);
        assertTrue(text.contains("\"justification\": \"\"") && text.contains("\"reviewer\": \"\""), text);

        Run again = run("check", input.toString(), "--rules", rules(), "--baseline", baseline.toString());
        assertEquals(Main.OK, again.code(), again.out());
        assertTrue(again.out().contains("0 new, 5 baselined, 0 suppressed"), again.out());

        // a second vehicle Meta leases and supports: one new finding family appears
        TestFiles.write(input, "second.json", """
                {"source": "t", "entities": [{"id": "v2", "name": "Second Vehicle LLC", "kind": "spv"}],
                 "stakes": [{"holder": "meta", "entity": "v2", "share": 0.1}],
                 "financings": [{"borrower": "v2", "kind": "loan", "amount": "USD 5B"}],
                 "leases": [{"lessee": "meta", "lessor": "v2", "asset": "Campus 2", "purchaseOption": true}]}
                """);
        Run more = run("check", input.toString(), "--rules", rules(), "--baseline", baseline.toString(), "--format", "json");
        assertEquals(Main.FINDINGS, more.code(), more.err());
        JsonNode root = new ObjectMapper().readTree(more.out());
        assertEquals(1, root.path("summary").path("new").asInt(), more.out());
        assertEquals(5, root.path("summary").path("baselined").asInt());
    }

    @Test
    void reviewersWorkSurvivesRewritingTheBaseline() throws Exception {
        Path baseline = dir.resolve("b.json");
        run("check", hyperion(), "--rules", rules(), "--write-baseline", baseline.toString());
        Files.writeString(baseline, Files.readString(baseline).replaceFirst("\"reviewer\": \"\"", "\"reviewer\": \"J. Smith\""));
        run("check", hyperion(), "--rules", rules(), "--write-baseline", baseline.toString());
        assertTrue(Files.readString(baseline).contains("\"reviewer\": \"J. Smith\""));
        Run shown = run("check", hyperion(), "--rules", rules(), "--baseline", baseline.toString());
        assertTrue(shown.out().contains("reviewer J. Smith"), shown.out());
    }

    @Test
    void suppressionsAndOverridesNeedReasonsAndStayVisible() throws Exception {
        Path config = TestFiles.write(dir, "offbook-config.json", """
                {"suppress": [{"rule": "SPV-004", "reason": "VIE exposure reconciled in WP 7"}],
                 "severity": [{"rule": "SPV-001", "subject": "meta", "severity": "critical", "reason": "board-level exposure"}]}
                """);
        Run r = run("check", hyperion(), "--rules", rules(), "--config", config.toString(), "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.path("summary").path("suppressed").asInt());
        JsonNode spv1 = root.path("findings").get(0);
        assertEquals("critical", spv1.path("severity").asText());
        assertEquals("high", spv1.path("triage").path("ruleSeverity").asText());
        assertTrue(spv1.path("triage").path("reason").asText().contains("board-level exposure"));
        assertTrue(r.out().contains("VIE exposure reconciled in WP 7"), "suppressed findings are still reported");

        Path bad = TestFiles.write(dir, "bad-config.json", "{\"suppress\": [{\"rule\": \"SPV-004\"}]}");
        Run noReason = run("check", hyperion(), "--rules", rules(), "--config", bad.toString());
        assertEquals(Main.LOAD_ERRORS, noReason.code());
        assertTrue(noReason.out().contains("bad-config.json:1: field 'suppress[0].reason': missing"), noReason.out());
    }

    @Test
    void badReportOptionsAreUsageErrorsAndLeaveNoFile() throws Exception {
        assertEquals(Main.USAGE, run("check", hyperion(), "--report", "pdf=x.pdf").code());
        assertEquals(Main.USAGE, run("check", hyperion(), "--report", "sarif").code());
        Run unwritable = run("check", hyperion(), "--report", "csv=" + dir.resolve("missing/dir/x.csv"));
        assertEquals(Main.USAGE, unwritable.code());
        assertTrue(unwritable.err().contains("folder does not exist"), unwritable.err());
        assertEquals(Main.USAGE, run("check", hyperion(), "--baseline", dir.resolve("none.json").toString()).code());
    }

    @Test
    void aMalformedBaselineIsAnInputErrorNamingTheLine() throws Exception {
        Path b = TestFiles.write(dir, "b.json", "{\n  \"format\": \"offbook-baseline-1\",\n  \"findings\": [ {\"fingerprint\": } ]\n}");
        Run r = run("check", hyperion(), "--rules", rules(), "--baseline", b.toString());
        assertEquals(Main.LOAD_ERRORS, r.code());
        assertTrue(r.out().contains("b.json:3: malformed baseline"), r.out());
        Path other = TestFiles.write(dir, "c.json", "{\"suppress\": []}");
        Run mismatched = run("check", hyperion(), "--rules", rules(), "--baseline", other.toString());
        assertEquals(Main.LOAD_ERRORS, mismatched.code());
        assertTrue(mismatched.out().contains("not an offbook baseline"), mismatched.out());
    }

    /** Issue 16 item 4: a missing input is reported apart, as not assessed, and fails the run only when asked. */
    @Test
    void notAssessedFindingsAreShownApartAndFailOnlyWithFailOnGaps() {
        String gapCase = "rules/lease/LEASE-001.tests/no-date-to-measure-the-debt-from/facts.json";
        Run text = run("check", gapCase, "--rules", "rules", "--fail-on", "info");
        assertEquals(0, text.code(), text.out() + text.err());
        assertTrue(text.out().contains("No findings."), text.out());
        assertTrue(text.out().contains("Not assessed (1): questions the inputs given cannot settle"), text.out());
        assertTrue(text.out().contains("[NOT ASSESSED] LEASE-001"), text.out());
        assertTrue(text.out().contains("Would be settled by: the lease's commencement date"), text.out());
        assertTrue(text.out().contains("Summary: 0 findings (0 critical, 0 high, 0 medium, 0 low, 0 info), 1 not assessed"), text.out());
        assertEquals(4, run("check", gapCase, "--rules", "rules", "--fail-on-gaps").code());
        String sarif = run("check", gapCase, "--rules", "rules", "--format", "sarif").out().replaceAll("\\s", "");
        assertTrue(sarif.contains("\"level\":\"note\"") && sarif.contains("\"kind\":\"not-assessed\""), sarif);
        String json = run("check", gapCase, "--rules", "rules", "--format", "json").out().replaceAll("\\s", "");
        assertTrue(json.contains("\"notAssessed\":1") && json.contains("\"missing\":\"thelease'scommencementdate"), json);
    }
}
