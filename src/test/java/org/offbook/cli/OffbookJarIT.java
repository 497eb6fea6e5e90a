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
        String jar = System.getProperty("offbook.jar", "target/offbook-all.jar");
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

    @Test
    void longRunsShowProgressOnATerminalAndStaySilentOtherwise() throws Exception {
        Path market = tmp.resolve("market");
        generate(market);
        Path quiet = tmp.resolve("quiet.json");
        Path shown = tmp.resolve("shown.json");
        // a pipe or file on stderr: nothing but the summary line
        Result silent = offbook("check", market.toString(), "--format", "json", "--output", quiet.toString(), "--fail-on", "never");
        assertEquals(0, silent.code(), silent.err());
        assertFalse(silent.err().contains("\r"), silent.err());
        assertFalse(silent.err().contains("offbook: ["), silent.err());
        // the launcher sets OFFBOOK_PROGRESS=on when stderr is a terminal: a line redrawn in place
        Result progress = offbook(Map.of("OFFBOOK_PROGRESS", "on"), List.of(),
                "check", market.toString(), "--format", "json", "--output", shown.toString(), "--fail-on", "never");
        assertEquals(0, progress.code(), progress.err());
        assertTrue(progress.err().contains("\roffbook: ["), progress.err());
        assertTrue(progress.err().matches("(?s).*\\] (load|resolve|compile|insert|prepare|rules|findings|report).*"), progress.err());
        String beforeSummary = progress.err().substring(0, progress.err().lastIndexOf('\r') + 1);
        assertFalse(beforeSummary.contains("\n"), "one line, overwritten, cleared before anything else: " + progress.err());
        assertEquals(Files.readString(quiet), Files.readString(shown), "progress never changes the report");
    }

    @Test
    void theLauncherTurnsProgressOnOnlyForATerminal() throws Exception {
        Path market = tmp.resolve("market");
        generate(market);
        String run = "./offbook check " + market + " --format json --output " + tmp.resolve("r.json") + " --fail-on never";
        // script(1) gives the launcher a terminal; its transcript is what the user would have seen
        Result onTerminal = run(List.of("script", "-qec", run, "/dev/null"));
        assertEquals(0, onTerminal.code(), onTerminal.out() + onTerminal.err());
        assertTrue(onTerminal.out().contains("offbook: ["), onTerminal.out());
        Result piped = run(List.of("bash", "-c", run));
        assertEquals(0, piped.code(), piped.err());
        assertFalse(piped.err().contains("offbook: ["), piped.err());
        // standard output on a terminal, standard error to a file: the file stays clean
        Path errFile = tmp.resolve("err.log");
        Result errToFile = run(List.of("script", "-qec", run + " 2> " + errFile, "/dev/null"));
        assertEquals(0, errToFile.code(), errToFile.out());
        assertFalse(Files.readString(errFile).contains("offbook: ["), Files.readString(errFile));
    }

    @Test
    void runningOutOfMemorySaysHowToGiveMoreWithoutAStackTrace() throws Exception {
        Path market = tmp.resolve("market");
        generate(market);
        Result r = offbook(Map.of(), List.of("-Xmx48m"), "check", market.toString(), "--format", "json",
                "--output", tmp.resolve("r.json").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("offbook: out of memory: ") && r.err().contains("OFFBOOK_JAVA_OPTS=-Xmx"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(tmp.resolve("r.json")), "no partial report is written");
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(TestFiles.project(".").toFile());
        pb.environment().remove("OFFBOOK_PROGRESS");
        Path out = Files.createTempFile("offbook-out", ".txt");
        Path err = Files.createTempFile("offbook-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** A market of 1,000 companies (the benchmark harness's generator, outside the product jar). */
    private static void generate(Path market) throws java.io.IOException {
        org.offbook.bench.MarketGenerator.generate(new org.offbook.bench.MarketGenerator.Spec(1000, 3, 10,
                org.offbook.bench.MarketGenerator.Layout.TABLES), market);
    }
}
