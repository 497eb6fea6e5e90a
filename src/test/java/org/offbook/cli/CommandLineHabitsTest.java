package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.cli.CheckCommandTest.Run;
import org.offbook.model.Version;

/** What a user of any command line expects: a version everywhere, short usage errors with a suggestion, completion. */
class CommandLineHabitsTest {

    @TempDir
    Path dir;

    private static String entry(String fingerprint, String justification, String reviewer, String date) {
        return "{\"fingerprint\": \"" + fingerprint + "\", \"ruleId\": \"SPV-001\", \"subject\": \"meta\", \"title\": \"t\", "
                + "\"justification\": \"" + justification + "\", \"reviewer\": \"" + reviewer + "\", \"date\": \"" + date + "\"}";
    }

    private static String baseline(String... entries) {
        return "{\"format\": \"offbook-baseline-1\", \"findings\": [\n" + String.join(",\n", entries) + "\n]}\n";
    }

    @Test
    void writeBaselineWarnsWhenItDropsReviewedEntries() {
        Path file = TestFiles.write(dir, "baseline.json", baseline(
                entry("00000000000000aa", "accepted: disclosed in note 9", "J. Doe", "2026-11-30"),
                entry("00000000000000bb", "", "", "")));
        Run r = run("check", TestFiles.fixture("hyperion").toString(), "--rules", TestFiles.project("rules").toString(),
                "--write-baseline", file.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.err().contains("offbook: warning: " + file + ": 1 reviewed entry is dropped"), r.err());
        assertTrue(r.err().contains("SPV-001 meta 00000000000000aa"), "names the reviewed entry: " + r.err());
        assertFalse(r.err().contains("00000000000000bb"), "an entry nobody reviewed is not worth a warning: " + r.err());
    }

    @Test
    void anUnsignedBaselineEntryWarnsAndIsAnErrorUnderStrictBaseline() {
        Path file = TestFiles.write(dir, "baseline.json", baseline(
                entry("00000000000000aa", "accepted: disclosed in note 9", "J. Doe", "2026-11-30"),
                entry("00000000000000bb", "looks fine", "", "")));
        String[] args = {"check", TestFiles.fixture("hyperion").toString(), "--rules", TestFiles.project("rules").toString(),
            "--baseline", file.toString(), "--fail-on", "never"};
        Run r = run(args);
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.err().contains("offbook: warning: " + file + ":"), r.err());
        assertTrue(r.err().contains("baseline entry SPV-001 meta 00000000000000bb lacks a justification, reviewer or date"), r.err());
        assertFalse(r.err().contains("00000000000000aa"), "a signed entry is fine: " + r.err());

        String[] strict = java.util.Arrays.copyOf(args, args.length + 1);
        strict[args.length] = "--strict-baseline";
        Run s = run(strict);
        assertEquals(Main.LOAD_ERRORS, s.code(), s.err());
        assertTrue(s.err().contains("offbook: error: " + file + ":"), s.err());
    }

    private static Run run(String... args) {
        return CheckCommandTest.run(args);
    }

    @Test
    void everySubcommandAnswersVersion() {
        for (List<String> cmd : List.of(List.of("--version"), List.of("check", "--version"), List.of("rules", "-V"),
                List.of("rules", "test", "--version"), List.of("facts", "--version"), List.of("exposure", "--version"),
                List.of("explain", "--version"), List.of("schema", "--version"))) {
            Run r = run(cmd.toArray(String[]::new));
            assertEquals(Main.OK, r.code(), cmd + ": " + r.err());
            assertTrue(r.out().startsWith("offbook " + Version.get() + " (Drools "), cmd + ": " + r.out());
        }
    }

    @Test
    void anUnknownOptionIsOneMessageWithASuggestionNotTheWholeHelp() {
        Run r = run("check", "--fial-on", "high");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().startsWith("offbook: Unknown option: '--fial-on'"), r.err());
        assertTrue(r.err().contains("Did you mean '--fail-on'?"), r.err());
        assertTrue(run("check", "--rule", "x").err().contains("Did you mean '--rules'?"), "a missing letter");
        assertFalse(run("check", "--zzzzzzzz").err().contains("Did you mean"), "nothing near: no guess");
        assertTrue(r.err().contains("Try 'offbook check --help' for more information."), r.err());
        assertFalse(r.err().contains("Usage:"), "not the whole help: " + r.err());
        assertTrue(r.err().lines().count() <= 4, r.err());
    }

    @Test
    void rulesAloneNamesAllItsSubcommands() {
        Run r = run("rules");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("missing subcommand: list, verify or test"), r.err());
    }

    @Test
    void aRulesTestFilterThatMatchesNothingIsAUsageError() {
        Run r = run("rules", "test", "NOPE-999", "--rules", TestFiles.project("rules").toString());
        assertEquals(Main.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("no test case matches 'NOPE-999'"), r.err());
        assertFalse(r.out().contains("0 passed, 0 failed"), r.out());
    }

    @Test
    void shellCompletionIsGeneratedAndHiddenFromTheCommandList() {
        Run r = run("generate-completion");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("complete -F") && r.out().contains("check") && r.out().contains("--fail-on"), "a bash/zsh completion script");
        assertFalse(run("--help").out().contains("generate-completion"), "hidden from the command list");
    }
}
