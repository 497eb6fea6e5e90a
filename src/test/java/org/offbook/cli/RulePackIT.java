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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;

/**
 * The default rule pack inside the jar: {@code java -jar offbook.jar check <folder>} run from a
 * folder with no {@code rules/} (and no {@code OFFBOOK_HOME}) reads the rules, thresholds and tables
 * packaged in the jar, names their files {@code jar:rules/...}, and finds exactly what a run on the
 * project's {@code rules/} finds.
 */
class RulePackIT {

    @TempDir
    Path tmp;

    private static int run(Path workingDir, Path out, Path err, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(Path.of(System.getProperty("offbook.jar", "target/offbook-all.jar")).toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workingDir.toFile());
        pb.environment().remove("OFFBOOK_HOME");
        pb.environment().remove("OFFBOOK_SEC_CONCEPTS");
        pb.environment().remove("OFFBOOK_XBRL_DISCLOSURES");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "offbook finished");
        return p.exitValue();
    }

    @Test
    void withoutARulesFolderTheJarsPackFindsWhatTheProjectsRulesFind() throws Exception {
        Path project = TestFiles.project(".").toAbsolutePath().normalize();
        Path filings = project.resolve("filings");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        assertFalse(Files.exists(elsewhere.resolve("rules")));

        Path packJson = tmp.resolve("pack.json");
        int packCode = run(elsewhere, tmp.resolve("pack.txt"), tmp.resolve("pack.err"), "check", filings.toString(),
                "--report", "json=" + packJson, "--fail-on", "never");
        String packErr = Files.readString(tmp.resolve("pack.err"), StandardCharsets.UTF_8);
        assertEquals(0, packCode, packErr);
        String packText = Files.readString(tmp.resolve("pack.txt"), StandardCharsets.UTF_8);
        assertTrue(packText.contains("(rule jar:rules/spv/SPV-001.drl)"), "rule files of the pack are named jar:rules/...");
        assertTrue(packText.contains("jar:rules/thresholds.csv:"), "thresholds are read from the pack");
        assertTrue(packText.contains("; 0 errors."), packText);

        Path localJson = tmp.resolve("local.json");
        int localCode = run(project, tmp.resolve("local.txt"), tmp.resolve("local.err"), "check", filings.toString(),
                "--report", "json=" + localJson, "--fail-on", "never");
        assertEquals(0, localCode, Files.readString(tmp.resolve("local.err"), StandardCharsets.UTF_8));

        String pack = Files.readString(packJson, StandardCharsets.UTF_8);
        String local = Files.readString(localJson, StandardCharsets.UTF_8);
        assertTrue(local.contains("\"SPV-001\""), "the project's rules find SPV-001 on filings/");
        // the same findings, fingerprints and figures; only the rule files' names differ
        assertEquals(local, pack.replace("jar:rules/", "rules/"));
    }

    @Test
    void theRulesOfThePackVerifyAndTheirCasesPass() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        int code = run(elsewhere, tmp.resolve("t.txt"), tmp.resolve("t.err"), "rules", "test");
        String out = Files.readString(tmp.resolve("t.txt"), StandardCharsets.UTF_8) + Files.readString(tmp.resolve("t.err"), StandardCharsets.UTF_8);
        assertEquals(0, code, out);
    }
}
