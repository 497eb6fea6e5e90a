package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.cli.Main;
import org.offbook.model.Entity;
import org.offbook.prepare.graph.CycleFinder;
import org.offbook.prepare.graph.MoneyGraph;
import org.offbook.load.CappedErrors;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;

/**
 * Issue 13, the second round of reliability and security defects: one test (or more) per item
 * that failed on the build before the fix. Item 1 is {@link DuplicateFactsTest}, item 8 a case of
 * {@link BadInputs} (a rule that spins), item 13 is in {@code RuleBaseCacheTest}.
 */
class SecondRoundTest {

    @TempDir
    Path root;

    private static String errors(LoadResult r) {
        return r.errors().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private String configFor(String suppress, String severity) {
        return "{\"suppress\": [" + suppress + "], \"severity\": [" + severity + "]}";
    }

    // ---------------------------------------------------------------- 2. a baseline is never erased

    private static final String BASELINE_WITH_A_SYNTAX_ERROR = "{\"format\": \"offbook-baseline-1\", \"findings\": [\n"
            + "  {\"fingerprint\": \"0123456789abcdef\", \"justification\": \"agreed with the partner, WP 4.2\", \"reviewer\": \"ak\"},\n"
            + "  {\"fingerprint\": \"fedcba9876543210\" \"justification\": \"missing comma\"}\n]}\n";

    @Test
    void writeBaselineOverABaselineThatDoesNotReadCleanlyLeavesItUntouchedAndExitsFive() throws Exception {
        Hostile.caseFolder(root);
        Path b = TestFiles.write(root, "out/baseline.json", BASELINE_WITH_A_SYNTAX_ERROR);
        Hostile.Run r = Hostile.check(root, "--write-baseline", b.toString());
        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        assertEquals(BASELINE_WITH_A_SYNTAX_ERROR, TestFiles.read(b), "the baseline was rewritten");
        assertTrue(r.err().contains("out/baseline.json:3:") && r.err().contains("malformed baseline"), r.err());
        assertTrue(r.err().contains("out/baseline.json: not overwritten"), r.err());
        assertFalse(r.err().contains("(baseline)"), "claims to have written the baseline: " + r.err());
        Hostile.assertNoLeaks(r);

        Hostile.Run same = Hostile.check(root, "--baseline", b.toString(), "--write-baseline", b.toString());
        assertEquals(Main.LOAD_ERRORS, same.code(), same.err());
        assertEquals(BASELINE_WITH_A_SYNTAX_ERROR, TestFiles.read(b));
    }

    @Test
    void aCleanBaselineIsStillRewrittenKeepingItsJustifications() throws Exception {
        Hostile.caseFolder(root);
        Path b = root.resolve("out/baseline.json");
        assertEquals(Main.OK, Hostile.check(root, "--write-baseline", b.toString()).code());
        String written = TestFiles.read(b).replaceFirst("\"justification\": \"\"", "\"justification\": \"kept\"");
        Files.writeString(b, written);
        assertEquals(Main.OK, Hostile.check(root, "--baseline", b.toString(), "--write-baseline", b.toString()).code());
        assertTrue(TestFiles.read(b).contains("\"justification\": \"kept\""), TestFiles.read(b));
    }

    // ---------------------------------------------------------------- 3. every element checked

    @Test
    void aNonObjectElementInAConfigurationIsAnErrorWithItsPathAndTheLaterEntriesStillApply() throws Exception {
        Hostile.caseFolder(root);
        Path config = TestFiles.write(root, "config.json", "{\"suppress\": [\n  \"SPV-002\",\n  {\"rule\": \"SPV-002\", \"reason\": \"r\"}],\n"
                + " \"severity\": [\n  7,\n  {\"rule\": \"SPV-001\", \"severity\": \"critical\", \"reason\": \"board-level\"}]}");
        Hostile.Run r = Hostile.check(root, "--config", config.toString(), "--fail-on", "critical");
        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        List<String> lines = r.errorLines();
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*config.json:2: field 'suppress\\[0\\]': expected an object, found text.*")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*config.json:5: field 'severity\\[0\\]': expected an object, found a number.*")), lines.toString());
        boolean critical = false;
        boolean suppressed = false;
        for (JsonNode f : r.json().path("findings")) {
            critical |= f.path("ruleId").asText().equals("SPV-001") && f.path("severity").asText().equals("critical");
            suppressed |= f.path("ruleId").asText().equals("SPV-002") && f.path("triage").path("status").asText().equals("suppressed");
        }
        assertTrue(critical, "the override after the bad element was ignored");
        assertTrue(suppressed, "the suppression after the bad element was ignored");
        assertTrue(r.json().path("summary").toString().contains("critical"), r.json().path("summary").toString());
    }

    @Test
    void duplicateKeysInAConfigurationAreAnError() {
        Hostile.caseFolder(root);
        Path config = TestFiles.write(root, "config.json", "{\"severity\": [{\"rule\": \"SPV-001\", \"severity\": \"low\", \"severity\": \"critical\", \"reason\": \"r\"}]}");
        Hostile.Run r = Hostile.check(root, "--config", config.toString());
        assertEquals(Main.LOAD_ERRORS, r.code());
        assertTrue(r.err().contains("config.json:1: malformed configuration: Duplicate field 'severity'"), r.err());
    }

    @Test
    void aNonObjectEntryInABaselineDoesNotMakeTheLaterEntriesNew() throws Exception {
        Hostile.caseFolder(root);
        Path b = root.resolve("out/baseline.json");
        Hostile.check(root, "--write-baseline", b.toString());
        String text = TestFiles.read(b).replaceFirst("\"findings\": \\[", "\"findings\": [ 42,");
        Files.writeString(b, text);
        Hostile.Run r = Hostile.check(root, "--baseline", b.toString());
        assertEquals(Main.LOAD_ERRORS, r.code());
        assertTrue(r.errorLines().stream().anyMatch(l -> l.contains("field 'findings[0]': expected an object, found a number")), r.err());
        assertEquals(0, r.json().path("summary").path("new").asInt(), r.json().path("summary").toString());
    }

    // ---------------------------------------------------------------- 4. links out of the folder

    @Test
    void aLinkOutOfTheFolderIsSkippedAndListedUnlessFollowed() throws Exception {
        Hostile.caseFolder(root);
        Path secret = TestFiles.write(root, "secret/token.json", "{\"entities\": [{\"id\": \"x\", \"name\": \"ghp_SECRET_TOKEN\", \"kind\": \"company\", \"source\": \"s\"}]}");
        Files.createSymbolicLink(root.resolve("in/token.json"), secret);
        Files.createSymbolicLink(root.resolve("in/system"), Path.of("/"));
        Hostile.Run r = Hostile.check(root);
        assertFalse(r.everything().contains("ghp_SECRET_TOKEN"), "a file outside the folder was read");
        assertTrue(r.out().contains("a symbolic link to") && r.out().contains("not followed (--follow-links follows it)"), r.out());
        JsonNode skipped = r.json().path("inputs").path("skipped");
        assertTrue(skipped.toString().contains("in/token.json") && skipped.toString().contains("in/system"), skipped.toString());
        Hostile.assertGoodFindingReported(r);

        Files.delete(root.resolve("in/system"));
        Hostile.Run followed = Hostile.check(root, "--follow-links");
        assertTrue(followed.json().path("inputs").path("perFile").toString().contains("in/token.json"), "--follow-links reads it");
    }

    @Test
    void aLinkInsideTheFolderIsRead() throws Exception {
        Hostile.caseFolder(root);
        Files.createDirectories(root.resolve("in/sub"));
        Files.createSymbolicLink(root.resolve("in/sub/meta-link.json"), root.resolve("in/meta.json"));
        LoadResult r = FolderLoader.load(List.of(root.resolve("in")));
        assertEquals(List.of(), r.notices().stream().filter(n -> n.message().contains("symbolic")).toList());
    }

    // ---------------------------------------------------------------- 5. absurd SEC values

    private static final String COMPANYFACTS = "{\"cik\": 1326801, \"entityName\": \"Meta\", \"facts\": {\"us-gaap\": {\"Revenues\": {\"units\": {\"USD\": [\n"
            + "{\"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"val\": %s, \"accn\": \"0001326801-25-000017\", \"form\": \"10-K\", \"filed\": \"2025-01-30\"}]}}}}}";

    @Test
    void anAbsurdSecValueIsRejectedAndTheRestIsChecked() {
        Hostile.caseFolder(root);
        Hostile.write(root, "in/sec/cf.json", String.format(COMPANYFACTS, "1e999999999"));
        Hostile.Run r = Hostile.check(root);
        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        Hostile.assertNoLeaks(r);
        assertTrue(r.errorLines().stream().anyMatch(l -> l.startsWith("in/sec/cf.json:2:") && l.contains("field 'val': out of range")), r.err());
        Hostile.assertGoodFindingReported(r);
        LoadResult tiny = FolderLoader.load(List.of(TestFiles.write(root, "x/cf.json", String.format(COMPANYFACTS, "1e-999999999"))));
        assertTrue(errors(tiny).contains("out of range"), errors(tiny));
    }

    // ---------------------------------------------------------------- 6. errors are bounded

    @Test
    void errorsPerFileAreCappedAndTheRestCounted() {
        StringBuilder sb = new StringBuilder("{\"source\": \"s\", \"stakes\": [");
        int n = 60_000; // 300 KB of empty facts: two errors each
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{}");
        }
        sb.append("]}");
        LoadResult r = FolderLoader.load(List.of(TestFiles.write(root, "empty.json", sb.toString())));
        assertTrue(r.errors().size() <= CappedErrors.PER_FILE + 1, "errors listed: " + r.errors().size());
        Problem last = r.errors().stream().filter(e -> e.message().contains("more errors in this file are not listed")).findFirst().orElseThrow();
        assertTrue(last.message().matches("\\d+ more errors in this file are not listed \\(the first 100 are; \\d+ in all\\).*"), last.message());
        assertEquals(n, r.factsRead());
        assertEquals(0, r.factsLoaded(), "a capped error still rejects its fact");
    }

    // ---------------------------------------------------------------- 7. the cycle search has a deadline

    @Test
    void theCycleSearchStopsAtItsDeadlineAndItsWorkBudget() {
        int n = 40;
        StringBuilder doc = new StringBuilder("{\"source\": \"s\", \"entities\": [");
        for (int i = 0; i < n; i++) {
            doc.append(i == 0 ? "" : ",").append("{\"id\": \"e").append(i).append("\", \"name\": \"E").append(i).append("\", \"kind\": \"company\"}");
        }
        doc.append("], \"contracts\": [");
        boolean first = true;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    doc.append(first ? "" : ",\n").append("{\"buyer\": \"e").append(i).append("\", \"seller\": \"e").append(j)
                            .append("\", \"what\": \"gpus\", \"amount\": \"USD 1B\"}");
                    first = false;
                }
            }
        }
        doc.append("]}");
        LoadResult loaded = FolderLoader.load(List.of(TestFiles.write(root, "dense.json", doc.toString())));
        assertEquals(List.of(), loaded.errors());
        List<org.offbook.model.Fact> facts = loaded.facts();
        MoneyGraph g = MoneyGraph.of(facts);
        long start = System.nanoTime();
        CycleFinder.Result late = CycleFinder.find(g, 8, Integer.MAX_VALUE, System.nanoTime() + 200_000_000L, Long.MAX_VALUE);
        assertNotNull(late.cutShort());
        assertTrue(late.cutShort().contains("--timeout"), late.cutShort());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "the search ran long past its deadline");
        CycleFinder.Result budget = CycleFinder.find(g, 8, Integer.MAX_VALUE, Long.MAX_VALUE, 1_000_000);
        assertTrue(budget.cutShort() != null && budget.cutShort().contains("work budget"), String.valueOf(budget.cutShort()));
    }

    // ---------------------------------------------------------------- 9. outputs never overwrite inputs

    @Test
    void anOutputNamingAnInputIsRefusedBeforeTheRun() throws Exception {
        Hostile.caseFolder(root);
        String before = TestFiles.read(root.resolve("in/meta.json"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "check", root.resolve("in").toString(), "--rules",
                root.resolve("rules").toString(), "-o", root.resolve("in/meta.json").toString());
        assertEquals(Main.USAGE, code, err.toString());
        assertTrue(err.toString().contains("where it would be read as input"), err.toString());
        assertEquals(before, TestFiles.read(root.resolve("in/meta.json")));
        int inside = Main.execute(new PrintWriter(out), new PrintWriter(err), "check", root.resolve("in").toString(), "--rules",
                root.resolve("rules").toString(), "--report", "json=" + root.resolve("in/report.json"));
        assertEquals(Main.USAGE, inside);
        assertFalse(Files.exists(root.resolve("in/report.json")));
    }

    @Test
    void twoOutputsToOneFileAreRefused() {
        Hostile.caseFolder(root);
        StringWriter err = new StringWriter();
        Path same = root.resolve("out/r.txt");
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "check", root.resolve("in").toString(), "--rules",
                root.resolve("rules").toString(), "--report", "json=" + same, "--report", "sarif=" + same);
        assertEquals(Main.USAGE, code, err.toString());
        int code2 = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "check", root.resolve("in").toString(), "--rules",
                root.resolve("rules").toString(), "-o", same.toString(), "--report", "sarif=" + root.resolve("out/../out/r.txt"));
        assertEquals(Main.USAGE, code2, err.toString());
        assertFalse(Files.exists(same));
    }

    @Test
    void aDeviceGivenAsAnOutputIsWrittenIntoNeverReplaced() throws Exception {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        Hostile.caseFolder(root);
        Hostile.Run r = Hostile.check(root, "-o", "/dev/null");
        assertEquals(Main.FINDINGS, r.code(), r.err());
        assertFalse(Files.isRegularFile(devNull), "/dev/null was replaced by a regular file");
        assertTrue(Files.isWritable(devNull));
    }

    // ---------------------------------------------------------------- 10 and 15. write failures

    @Test
    void aReportLostOnStandardOutputIsAnError() {
        Hostile.caseFolder(root);
        Writer broken = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(broken), new PrintWriter(err), "check", root.resolve("in").toString(), "--rules",
                root.resolve("rules").toString());
        assertEquals(Main.INTERNAL, code);
        assertTrue(err.toString().contains("offbook: error: the report could not be written to standard output"), err.toString());
    }

    @Test
    void aFullFileSystemIsAMessageNotAnInternalError() {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full) && Files.isWritable(full));
        Hostile.caseFolder(root);
        Hostile.Run r = Hostile.check(root, "-o", "/dev/full");
        assertEquals(Main.INTERNAL, r.code(), r.err());
        assertTrue(r.err().contains("offbook: error: cannot write /dev/full: No space left on device; that report was not written"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void anOverwrittenPrivateReportStaysPrivate() throws Exception {
        Hostile.caseFolder(root);
        Path report = TestFiles.write(root, "out/private.json", "{}");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-------"));
        Hostile.check(root, "-o", report.toString());
        assertTrue(TestFiles.read(report).contains("SPV-001"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    }

    @Test
    void aTimeoutOfLongMaxValueIsForEverNotAnInternalError() {
        Hostile.caseFolder(root);
        Hostile.Run r = Hostile.check(root, "--timeout", Long.toString(Long.MAX_VALUE));
        assertEquals(Main.FINDINGS, r.code(), r.err());
        Hostile.assertNoLeaks(r);
    }

    // ---------------------------------------------------------------- 11 and 12. names and text

    @Test
    void namesWithLineBreaksOrBidirectionalControlsAreRejectedAtLoad() {
        LoadResult r = FolderLoader.load(List.of(TestFiles.write(root, "names.json", "{\"source\": \"s\", \"entities\": [\n"
                + "{\"id\": \"a\", \"name\": \"Forged\\n[CRITICAL] SPV-001\", \"kind\": \"company\"},\n"
                + "{\"id\": \"b\", \"name\": \"Beignet \\u202eB3.72 DSU\", \"kind\": \"spv\"},\n"
                + "{\"id\": \"c\", \"name\": \"Fine, Inc.\", \"kind\": \"company\"}]}")));
        String e = errors(r);
        assertTrue(e.contains("names.json:2: field 'name': contains a line break or tab (U+000A); a name or identifier is one line"), e);
        assertTrue(e.contains("names.json:3: field 'name': contains the bidirectional control U+202E"), e);
        assertEquals(1, r.facts().size());
    }

    @Test
    void anSecEntityNameIsNeutralisedAndFileNamesReachTheTerminalEscaped() throws Exception {
        Path cf = TestFiles.write(root, "sec/cf.json", String.format(COMPANYFACTS, "1000").replace("\"Meta\"", "\"Meta\\u001b]0;pwned\\u0007\\u202e\""));
        LoadResult r = FolderLoader.load(List.of(cf));
        for (var f : r.facts()) {
            if (f instanceof Entity en) {
                assertFalse(en.name().chars().anyMatch(c -> c < 0x20 || c == 0x202e), en.name());
            }
        }
        Hostile.caseFolder(root);
        Hostile.write(root, "in/\u001b[2Jbad.json", "{");
        Hostile.Run run = Hostile.check(root);
        assertFalse(run.err().contains("\u001b"), "an escape sequence reached standard error");
        assertTrue(run.err().contains("\\u001B[2Jbad.json"), run.err());
    }

    @Test
    void theDocumentSourceIsCheckedLikeAnyText() {
        LoadResult r = FolderLoader.load(List.of(TestFiles.write(root, "src.json",
                "{\"source\": \"10-K\\u0000\\u001b[2J\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}]}")));
        assertTrue(errors(r).contains("src.json:1: field 'source': contains the control character U+0000"), errors(r));
        LoadResult big = FolderLoader.load(List.of(TestFiles.write(root, "big.json",
                "{\"source\": \"" + "s".repeat(100_000) + "\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}]}")));
        assertTrue(errors(big).contains("field 'source': value longer than 10000 characters"), errors(big));
    }

    @Test
    void overlongUtf8AndUtf16JsonAreRefused() throws Exception {
        byte[] overlong = "{\"source\": \"s\", \"m\u00c1\u00a5ta\": []}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path p = root.resolve("overlong.json");
        Files.write(p, overlong);
        LoadResult r = FolderLoader.load(List.of(p));
        assertTrue(errors(r).matches("(?s).*overlong\\.json:1:\\d+: malformed JSON: Invalid UTF-8 (start )?byte 0xC1.*; file not loaded.*"), errors(r));
        Path u16 = root.resolve("u16.json");
        Files.write(u16, "{\"source\": \"s\", \"entities\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        LoadResult r16 = FolderLoader.load(List.of(u16));
        assertTrue(errors(r16).contains("u16.json: malformed JSON: not UTF-8 text ("), errors(r16));
        assertEquals(0, r16.factsRead());
    }

    // ---------------------------------------------------------------- 14. configuration limits

    @Test
    void theConfigurationReaderHasTheDocumentedLimits() {
        Hostile.caseFolder(root);
        Path config = TestFiles.write(root, "config.json", "{\"suppress\": [{\"rule\": \"SPV-002\", \"x-big\": \"" + "x".repeat(200_000)
                + "\", \"reason\": \"" + "a".repeat(100_001) + "\"}]}");
        Hostile.Run r = Hostile.check(root, "--config", config.toString());
        assertEquals(Main.LOAD_ERRORS, r.code());
        assertTrue(r.err().contains("malformed configuration: String value length") || r.err().contains("exceeds"), r.err());
        StringBuilder deep = new StringBuilder("{\"x-deep\": ");
        deep.append("[".repeat(40)).append("]".repeat(40)).append("}");
        Path nested = TestFiles.write(root, "nested.json", deep.toString());
        Hostile.Run n = Hostile.check(root, "--config", nested.toString());
        assertEquals(Main.LOAD_ERRORS, n.code());
        assertTrue(n.err().contains("nested.json:1: malformed configuration:"), n.err());
    }

    @Test
    void aTriageListLongerThanTheLimitEndsInAMessageWithItsLine() {
        Hostile.caseFolder(root);
        StringBuilder config = new StringBuilder("{\"suppress\": [\n");
        StringBuilder baseline = new StringBuilder("{\"format\": \"offbook-baseline-1\", \"findings\": [\n");
        for (int i = 0; i <= 100_000; i++) {
            config.append("{\"subject\": \"s").append(i).append("\", \"reason\": \"r\"},\n");
            baseline.append(String.format(java.util.Locale.ROOT, "{\"fingerprint\": \"%016x\"},%n", i));
        }
        config.append("{\"rule\": \"SPV-001\", \"reason\": \"past the limit\"}]}");
        baseline.append("{\"fingerprint\": \"ffffffffffffffff\"}]}");
        Hostile.Run c = Hostile.check(root, "--config", TestFiles.write(root, "many.json", config.toString()).toString());
        assertEquals(Main.LOAD_ERRORS, c.code());
        assertTrue(c.err().contains("many.json:100002: malformed configuration: the list 'suppress' has more than 100,000 entries (the limit); "
                + "the entries from line 100002 on are not read"), c.err());
        Hostile.Run b = Hostile.check(root, "--baseline", TestFiles.write(root, "baseline.json", baseline.toString()).toString());
        assertEquals(Main.LOAD_ERRORS, b.code());
        assertTrue(b.err().contains("baseline.json:100002: malformed baseline: the list 'findings' has more than 100,000 entries (the limit)"), b.err());
    }

    // ---------------------------------------------------------------- 15. currencies and digits

    @Test
    void currenciesThatAreNotMoneyAndNonAsciiDigitsAreRejected() {
        LoadResult r = FolderLoader.load(List.of(TestFiles.write(root, "odd.json", "{\"source\": \"s\",\n"
                + "\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}, {\"id\": \"b\", \"name\": \"B\", \"kind\": \"spv\"}],\n"
                + "\"financings\": [{\"id\": \"f1\", \"borrower\": \"a\", \"amount\": \"XAU 5\"},\n"
                + "  {\"id\": \"f2\", \"borrower\": \"a\", \"amount\": \"XXX 5\"},\n"
                + "  {\"id\": \"f3\", \"borrower\": \"a\", \"amount\": \"XTS 5\", \"termYears\": \"\u0663\"}],\n"
                + "\"stakes\": [{\"holder\": \"a\", \"entity\": \"b\", \"share\": \"\u0665\u0660%\"}]}")));
        String e = errors(r);
        assertTrue(e.contains("odd.json:3: field 'amount': currency code 'XAU' is not a currency of money"), e);
        assertTrue(e.contains("odd.json:4: field 'amount': currency code 'XXX'"), e);
        assertTrue(e.contains("odd.json:5: field 'termYears': expected a number"), e);
        assertTrue(e.contains("odd.json:6: field 'share': expected a number"), e);
        assertEquals(2, r.facts().size(), "only the entities");
    }
}
