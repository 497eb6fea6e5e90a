package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;

/**
 * Issue 13 (items 6, 14 and 15) through the real process: the limits that only a separate JVM can
 * show (a rule ending the JVM, a JVM without a home folder, a small heap), run against the shaded
 * jar. The large inputs are generated here, in a temporary folder.
 */
class ProcessLimitsIT {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    /** The jar run in {@code dir} with the environment changed as given (a null value removes the variable). */
    static Result offbook(Path dir, Map<String, String> env, List<String> jvm, String... args) throws IOException, InterruptedException {
        String jar = Path.of(System.getProperty("offbook.jar", "target/offbook.jar")).toAbsolutePath().toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-jar");
        cmd.add(jar);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Path out = Files.createTempFile("offbook-out", ".txt");
        Path err = Files.createTempFile("offbook-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "offbook finished");
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static Result offbook(List<String> jvm, String... args) throws IOException, InterruptedException {
        return offbook(TestFiles.project("."), Map.of(), jvm, args);
    }

    private static void noCrash(Result r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("OutOfMemoryError") || all.contains("out of memory"), "no OutOfMemoryError: " + r.err());
        assertFalse(all.contains("internal error") || all.contains("\tat "), "no crash, no stack trace: " + r.err());
    }

    // ---------------------------------------------------------------- 15. a rule that calls System.exit

    @Test
    void aRuleCallingSystemExitEndsWithExitFiveNamingTheRuleNeverZero() throws Exception {
        Path rules = tmp.resolve("rules");
        TestFiles.copyTree(TestFiles.project("rules"), rules);
        TestFiles.write(rules, "exit/EXIT-001.drl", """
                package offbook.rules.hostile;
                import org.offbook.model.Entity;
                global org.offbook.engine.Reporter findings;

                rule "EXIT-001 ends the JVM"
                    @id("EXIT-001") @family("EXIT") @severity("low") @title("Ends the JVM") @standards("none")
                when
                    $e : Entity( id == "meta" )
                then
                    System.exit(0);
                end
                """);
        Result r = offbook(List.of(), "check", "filings", "--rules", rules.toString(), "--fail-on", "never");
        assertEquals(Main.LOAD_ERRORS, r.code(), "never the rule's exit 0: " + r.err());
        assertTrue(r.err().contains("offbook: error: the run was ended before its report was written"), r.err());
        assertTrue(r.err().contains("System.exit") && r.err().contains("EXIT-001 ends the JVM"), "names the rule: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    // ---------------------------------------------------------------- 15. no HOME and no passwd entry

    @Test
    void withoutAHomeFolderNoCacheIsMadeInTheWorkingFolderAndTheRunStillWorks() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Map<String, String> env = new java.util.HashMap<>();
        env.put("HOME", null);
        env.put("XDG_CACHE_HOME", null);
        env.put("OFFBOOK_CACHE_DIR", null);
        env.put("OFFBOOK_CACHE", null);
        // JDK 17 on Linux takes user.home from the passwd entry alone, and sets it to "?" when there
        // is none: this is what a container user without an entry gets
        Result r = offbook(work, env, List.of("-Duser.home=?"), "check", TestFiles.project("filings").toString(),
                "--rules", TestFiles.project("rules").toString());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().contains("[HIGH] SPV-001"), r.out());
        assertFalse(Files.exists(work.resolve("?")), "no ./?/.cache in the working folder");
        try (var listing = Files.list(work)) {
            assertEquals(List.of(), listing.toList(), "nothing written to the working folder");
        }
    }

    // ---------------------------------------------------------------- 6. errors per file are capped

    @Test
    void aSmallZipOfManyBadRowsEndsWithExitFiveOnASmallHeapAndTheOtherFilesAreReported() throws Exception {
        Path in = tmp.resolve("in");
        TestFiles.copyTree(TestFiles.project("filings"), in);
        Path zip = in.resolve("2010q2.zip");
        int rows = 600_000;
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("sub.txt"));
            z.write("adsh\tcik\tname\tform\tfiled\tfye\n0001193125-10-090116\t789019\tMICROSOFT CORP\t10-Q\t20100423\t0630\n"
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("num.txt"));
            StringBuilder sb = new StringBuilder("adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote\n");
            for (int i = 0; i < rows; i++) {
                // a row whose value is not a number: one error each
                sb.append("0001193125-10-090116\tRevenues\tus-gaap/2009\t20100331\t1\tUSD\t\t\tx\t\n");
                if (sb.length() > 1 << 20) {
                    z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertTrue(Files.size(zip) < 200_000, "a small zip: " + Files.size(zip));
        Result r = offbook(List.of("-Xmx256m"), "check", in.toString());
        noCrash(r);
        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*2010q2\\.zip!/num\\.txt: \\d+ more errors in this file are not listed \\(the first 100 are; \\d+ in all\\).*"),
                r.err());
        assertTrue(r.out().contains("[HIGH] SPV-001"), "the other files are still checked and reported");
        assertTrue(r.out().length() < 1_000_000, "a capped report: " + r.out().length() + " characters");
    }

    // ---------------------------------------------------------------- 14. the configuration reader's limits

    @Test
    void aTwentyFiveMegabyteConfigurationValueIsRefusedOnASmallHeap() throws Exception {
        // one value of 25 MB: over the documented text limit, refused with a message
        Path big = tmp.resolve("big.json");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("{\"suppress\": [{\"rule\": \"SPV-002\", \"reason\": \"");
            String chunk = "a".repeat(1 << 16);
            for (int i = 0; i < 25 * 16; i++) {
                w.write(chunk);
            }
            w.write("\"}]}");
        }
        Result r = offbook(List.of("-Xmx256m"), "check", "filings", "--config", big.toString());
        noCrash(r);
        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        assertTrue(r.out().contains("big.json:1: malformed configuration: a text value of ") && r.out().contains("exceeds the limit of 100000 characters"), r.out().substring(Math.max(0, r.out().indexOf("Errors ("))));
        assertTrue(r.out().contains("[HIGH] SPV-001"), "the filings are still checked and reported");
    }

    @Test
    void aTwentyFiveMegabyteConfigurationOfFourHundredThousandSuppressionsEndsInAMessageOnASmallHeap() throws Exception {
        // 400,000 well-formed entries: the reader stops at the documented 100,000 with a message, no out-of-memory
        Path many = tmp.resolve("many.json");
        try (BufferedWriter w = Files.newBufferedWriter(many, StandardCharsets.UTF_8)) {
            w.write("{\"suppress\": [\n");
            for (int i = 0; i < 400_000; i++) {
                w.write("{\"rule\": \"SPV-002\", \"subject\": \"nobody-" + i + "\", \"reason\": \"none of these match\"},\n");
            }
            w.write("{\"rule\": \"SPV-001\", \"reason\": \"past the limit: not read\"}]}\n");
        }
        assertTrue(Files.size(many) > 25_000_000, "25 MB: " + Files.size(many));
        Result m = offbook(List.of("-Xmx256m"), "check", "filings", "--config", many.toString());
        noCrash(m);
        assertEquals(Main.LOAD_ERRORS, m.code(), m.err());
        assertTrue(m.out().contains("many.json:100002: malformed configuration: the list 'suppress' has more than 100,000 entries (the limit); "
                + "the entries from line 100002 on are not read"), m.out().substring(Math.max(0, m.out().indexOf("Errors ("))));
        assertTrue(m.out().contains("[HIGH] SPV-001"), "the filings are still checked and reported");

        // 100,000 entries of 250 bytes (25 MB), the most a list may hold: read whole on the same heap
        Path full = tmp.resolve("full.json");
        String pad = "p".repeat(150);
        try (BufferedWriter w = Files.newBufferedWriter(full, StandardCharsets.UTF_8)) {
            w.write("{\"suppress\": [\n");
            for (int i = 0; i < 99_999; i++) {
                w.write("{\"rule\": \"SPV-002\", \"subject\": \"nobody-" + i + "\", \"reason\": \"none of these match " + pad + "\"},\n");
            }
            w.write("{\"rule\": \"SPV-001\", \"reason\": \"the last entry still applies\"}]}\n");
        }
        assertTrue(Files.size(full) > 20_000_000, "20 MB: " + Files.size(full));
        Result f = offbook(List.of("-Xmx256m"), "check", "filings", "--config", full.toString(), "--format", "json");
        noCrash(f);
        assertEquals(4, f.code(), f.err());
        assertTrue(f.out().contains("\"status\": \"suppressed\""), "the last suppression applies");
    }

    @Test
    void anXFieldOfSixtyMegabytesOfStringsIsSkippedOnASmallHeap() throws Exception {
        Path config = tmp.resolve("config.json");
        try (BufferedWriter w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            w.write("{\"x-junk\": [");
            String value = "\"" + "x".repeat(50_000) + "\"";
            for (int i = 0; i < 1_200; i++) {
                w.write(i == 0 ? value : "," + value);
            }
            w.write("],\n\"suppress\": [{\"rule\": \"SPV-001\", \"reason\": \"after the x- field: still applies\"}]}\n");
        }
        assertTrue(Files.size(config) > 60_000_000, "60 MB: " + Files.size(config));
        Result r = offbook(List.of("-Xmx256m"), "check", "filings", "--config", config.toString(), "--format", "json");
        noCrash(r);
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().contains("\"status\": \"suppressed\""), "the suppression after the x- field applies");
    }
}
