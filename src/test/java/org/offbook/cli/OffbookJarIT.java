package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;

/**
 * The user's path: the shaded jar run as a separate process on the shipped filings and rules,
 * as {@code ./offbook check filings} runs it. Runs in the integration-test phase, after packaging.
 */
class OffbookJarIT {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result offbook(Map<String, String> env, List<String> jvm, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("offbook.jar", "target/offbook.jar");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-jar");
        cmd.add(jar);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(TestFiles.project(".").toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("offbook-out", ".txt");
        Path err = Files.createTempFile("offbook-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "offbook finished");
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static Result offbook(String... args) throws IOException, InterruptedException {
        return offbook(Map.of(), List.of(), args);
    }

    @Test
    void checksTheShippedFilingsWithExplainedFindings() throws Exception {
        Result r = offbook("check", "filings");
        assertEquals(4, r.code(), r.err());
        assertEquals("", r.err(), "quiet: no log lines on stderr");
        assertTrue(r.out().contains("[HIGH] SPV-001"), r.out());
        assertTrue(r.out().contains("Meta Platforms"), r.out());
        assertTrue(r.out().contains("filings/meta/hyperion-beignet.json:"), "evidence cites file:line");
        assertTrue(r.out().contains("Standards: ASC 810-10-25-38A"), r.out());
        assertTrue(r.out().contains("0 rejected") && r.out().contains("0 errors."), r.out());
    }

    @Test
    void aBrokenFileExitsFiveNamingFileAndLineAndTheRestIsStillReported() throws Exception {
        Path filings = tmp.resolve("filings");
        TestFiles.copyTree(TestFiles.project("filings"), filings);
        TestFiles.write(filings, "meta/broken.json", "{\n  \"stakes\": [\n    {\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": 2}\n  ]\n}\n");
        Result r = offbook("check", filings.toString());
        assertEquals(5, r.code());
        assertTrue(r.out().contains("meta/broken.json:3: field 'share': a share must be between 0 and 1"), r.out());
        assertTrue(r.out().contains("[HIGH] SPV-001"), "the other files are still checked");
        assertFalse(r.out().contains("Exception") || r.err().contains("Exception"), r.err());
    }

    @Test
    void removingARuleFileRemovesItsFindingsWithoutARebuild() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        Files.delete(rules.resolve("spv/SPV-001.drl"));
        Result r = offbook("check", "filings", "--rules", rules.toString());
        assertEquals(4, r.code(), r.err());
        assertFalse(r.out().contains("SPV-001"), r.out());
        assertTrue(r.out().contains("SPV-002"), r.out());
    }

    @Test
    void aDrlSyntaxErrorExitsFiveWithFileAndLine() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        Path drl = rules.resolve("spv/SPV-002.drl");
        Files.writeString(drl, Files.readString(drl).replace("$vehicle : Entity( vehicle )", "$vehicle : Entity( vehicle == )"));
        Result r = offbook("check", "filings", "--rules", rules.toString(), "--format", "json");
        assertEquals(5, r.code());
        assertTrue(r.err().matches("(?s).*spv/SPV-002\\.drl:\\d+:\\d+: .*"), r.err());
        assertTrue(r.out().contains("\"ruleId\": \"SPV-001\""), "the other rules still run");
    }

    @Test
    void reportsAreByteIdenticalAcrossRunsLocalesAndTimeZones() throws Exception {
        Result a = offbook("check", "filings", "--format", "json");
        Result b = offbook(Map.of("LANG", "de_DE.UTF-8", "TZ", "Asia/Tokyo"),
                List.of("-Duser.language=de", "-Duser.country=DE", "-Duser.timezone=Asia/Tokyo"), "check", "filings", "--format", "json");
        assertEquals(a.out(), b.out());
        Result c = offbook(Map.of(), List.of("-Duser.language=tr", "-Dfile.encoding=ISO-8859-1"), "check", "filings");
        assertEquals(offbook("check", "filings").out(), c.out());
    }

    @Test
    void versionAndHelp() throws Exception {
        Result v = offbook("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("offbook "), v.out());
        Result h = offbook("check", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--rules"), h.out());
    }

    @Test
    void generationTimeComesOnlyFromSourceDateEpoch() throws Exception {
        Result plain = offbook("check", "filings", "--format", "json", "--fail-on", "never");
        assertFalse(plain.out().contains("generatedAt"), "no clock in reports");
        Result stamped = offbook(Map.of("SOURCE_DATE_EPOCH", "1700000000"), List.of(), "check", "filings", "--format", "json", "--fail-on", "never");
        assertTrue(stamped.out().contains("\"generatedAt\": \"2023-11-14T22:13:20Z\""), stamped.out().substring(0, 400));
        assertEquals(stamped.out(), offbook(Map.of("SOURCE_DATE_EPOCH", "1700000000"), List.of(), "check", "filings", "--format", "json",
                "--fail-on", "never").out());
    }
}
