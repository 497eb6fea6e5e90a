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
        assertTrue(r.out().contains("Meta Platforms, Inc. (meta): 3 findings - 1 high, 2 medium"), r.out());
        assertTrue(r.out().indexOf("[HIGH] SPV-001") < r.out().indexOf("[MEDIUM] SPV-002"), "most severe first");
        assertTrue(r.out().contains("Summary: 3 findings (0 critical, 1 high, 2 medium, 0 low, 0 info); 1 file read, 11 facts read, 11 loaded, 0 rejected"), r.out());
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
        assertTrue(r.err().contains("3 findings, 0 errors; report written to"), r.err());
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
}
