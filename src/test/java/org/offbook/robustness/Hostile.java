package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.offbook.TestFiles;
import org.offbook.cli.Main;

/**
 * Helpers for the robustness tests: a case folder (a good filing that gives findings, the bad
 * input beside it, the SPV rules), a run of the real command line writing every report format,
 * and the checks every case shares.
 */
final class Hostile {

    /** Every report format a run writes; json goes to standard output. */
    static final List<String> FILE_FORMATS = List.of("text", "sarif", "junit", "html", "csv");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Traces of a stack trace or of a library's internals leaking into what the user sees. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("(?m)^\\s+at [\\w.$]+\\("),
            Pattern.compile("Caused by: "),
            Pattern.compile("Exception in thread"),
            Pattern.compile("internal error"),
            Pattern.compile("com\\.fasterxml"),
            Pattern.compile("StreamReadConstraints"),
            Pattern.compile("com\\.opencsv"),
            Pattern.compile("Beginning of lost text"));

    private Hostile() {
    }

    /** A fresh case folder: {@code in/meta.json} (the Hyperion filing: SPV-001 and more), {@code rules/} (the SPV rules). */
    static Path caseFolder(Path root) {
        try {
            Files.createDirectories(root.resolve("in"));
            Files.createDirectories(root.resolve("out"));
            Files.copy(TestFiles.fixture("hyperion/meta.json"), root.resolve("in/meta.json"));
            copyRules(root.resolve("rules"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SPV rules, their pages and the thresholds: enough for the good filing's findings, quick to compile. */
    static void copyRules(Path to) throws IOException {
        Path rules = TestFiles.project("rules");
        Files.createDirectories(to.resolve("spv"));
        Files.copy(rules.resolve("thresholds.csv"), to.resolve("thresholds.csv"));
        try (Stream<Path> spv = Files.list(rules.resolve("spv"))) {
            for (Path p : (Iterable<Path>) spv::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".drl") || name.endsWith(".md")) {
                    Files.copy(p, to.resolve("spv").resolve(name));
                }
            }
        }
    }

    static void write(Path root, String relative, String content) {
        TestFiles.write(root, relative, content);
    }

    static void write(Path root, String relative, byte[] content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of {@code bytes} bytes that takes no room: its length is set, nothing is written. */
    static void sparse(Path file, long bytes) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one run of the command line gave: exit code, streams, and each report, with the case folder's path taken out. */
    record Run(int code, String out, String err, Map<String, String> reports) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("standard output is not the JSON report: " + out, e);
            }
        }

        /** Error lines as the user reads them on standard error, without the {@code offbook: error: } prefix. */
        List<String> errorLines() {
            List<String> lines = new ArrayList<>();
            for (String l : err.split("\n", -1)) {
                if (l.startsWith("offbook: error: ")) {
                    lines.add(l.substring("offbook: error: ".length()));
                }
            }
            return lines;
        }

        String everything() {
            return out + "\n" + err + "\n" + String.join("\n", reports.values());
        }
    }

    /**
     * Runs {@code offbook check <root>/in --rules <root>/rules --format json} with a report in every
     * other format, plus {@code extra} arguments; paths under {@code root} are shown relative to it.
     */
    static Run check(Path root, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", root.resolve("in").toString(), "--rules", root.resolve("rules").toString(),
                "--format", "json"));
        for (String f : FILE_FORMATS) {
            args.add("--report");
            args.add(f + "=" + root.resolve("out/report." + f));
        }
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        Map<String, String> reports = new LinkedHashMap<>();
        for (String f : FILE_FORMATS) {
            Path p = root.resolve("out/report." + f);
            reports.put(f, Files.exists(p) ? relative(root, TestFiles.read(p)) : "");
        }
        return new Run(code, relative(root, out.toString()), relative(root, err.toString()), reports);
    }

    /** Paths under the case folder as {@code in/x.json}; in SARIF, {@code file:///...} URIs likewise. */
    static String relative(Path root, String text) {
        String abs = root.toAbsolutePath().toString();
        return text.replace("file://" + abs + "/", "").replace(abs + "/", "");
    }

    /** A pattern written with {@code *} for "anything" and everything else literal. */
    static Pattern glob(String glob) {
        StringBuilder sb = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (sb.length() > 0) {
                sb.append(".*");
            }
            sb.append(Pattern.quote(part));
        }
        return Pattern.compile(sb.toString());
    }

    // ----------------------------------------------------------------------------- shared checks

    /** No stack trace, no library internals, and standard error holds nothing but one-line offbook messages. */
    static void assertNoLeaks(Run r) {
        String all = r.everything();
        for (Pattern p : LEAKS) {
            assertFalse(p.matcher(all).find(), "leaked '" + p + "' in:\n" + excerpt(all, p));
        }
        for (String line : r.err().split("\n")) {
            assertTrue(line.isEmpty() || line.startsWith("offbook: "), "a line on standard error that is not an offbook message: " + line);
        }
    }

    /**
     * Each expected error is one whole line on standard error and is in the JSON report, and there
     * is no other error: a bad input costs its own facts, nothing else.
     */
    static void assertErrors(Run r, List<String> expected) {
        List<String> lines = r.errorLines();
        JsonNode errors = r.json().path("errors");
        List<Pattern> patterns = expected.stream().map(Hostile::glob).toList();
        for (String l : lines) {
            assertTrue(patterns.stream().anyMatch(p -> p.matcher(l).matches()), "an unexpected error: " + l);
        }
        assertEquals(lines.size(), errors.size(), "as many error lines as errors in the report");
        for (String e : expected) {
            Pattern p = glob(e);
            assertTrue(lines.stream().anyMatch(l -> p.matcher(l).matches()), "no error line like\n  " + e + "\namong\n  "
                    + String.join("\n  ", lines));
            boolean inJson = false;
            for (JsonNode n : errors) {
                if (p.matcher(asLine(n)).matches()) {
                    inJson = true;
                }
            }
            assertTrue(inJson, "the JSON report lacks " + e + "\n" + errors.toPrettyString());
        }
    }

    /** A JSON report error as its one-line form, {@code file:line[:column]: [field 'x': ]message}. */
    static String asLine(JsonNode n) {
        StringBuilder sb = new StringBuilder(n.path("file").asText());
        if (n.path("line").asInt() > 0) {
            sb.append(':').append(n.path("line").asInt());
            if (n.path("column").asInt() > 0) {
                sb.append(':').append(n.path("column").asInt());
            }
        }
        sb.append(": ");
        if (n.has("field")) {
            sb.append("field '").append(n.path("field").asText()).append("': ");
        }
        return sb.append(n.path("message").asText()).toString();
    }

    /** facts read = loaded + rejected, for each file and in total, and the totals are the sums of the files. */
    static void assertReconciled(JsonNode report) {
        JsonNode in = report.path("inputs");
        int read = 0;
        int loaded = 0;
        for (JsonNode f : in.path("perFile")) {
            int r = f.path("read").asInt();
            int l = f.path("loaded").asInt();
            int x = f.path("rejected").asInt();
            assertTrue(l >= 0 && x >= 0 && l <= r, "impossible counts for " + f);
            assertEquals(r, l + x, "read = loaded + rejected for " + f);
            read += r;
            loaded += l;
        }
        assertEquals(read, in.path("factsRead").asInt(), "facts read is the sum over the files");
        assertEquals(loaded, in.path("facts").asInt(), "facts loaded is the sum over the files");
        assertEquals(in.path("factsRead").asInt(), in.path("facts").asInt() + in.path("rejected").asInt(), "read = loaded + rejected");
        assertEquals(in.path("files").asInt(), in.path("perFile").size());
    }

    /** Every file that lost a fact has an error naming it: nothing is rejected silently. */
    static void assertEveryRejectionListed(JsonNode report) {
        for (JsonNode f : report.path("inputs").path("perFile")) {
            if (f.path("rejected").asInt() == 0) {
                continue;
            }
            boolean named = false;
            for (JsonNode e : report.path("errors")) {
                named |= e.path("file").asText().equals(f.path("file").asText());
            }
            assertTrue(named, f.path("file").asText() + " rejected " + f.path("rejected") + " facts and no error names it");
        }
    }

    /** Every error of the run is in every report format (CSV is findings only). */
    static void assertErrorsInEveryFormat(Run r) {
        JsonNode errors = r.json().path("errors");
        for (JsonNode e : errors) {
            String line = asLine(e);
            String file = e.path("file").asText();
            String message = e.path("message").asText();
            assertTrue(r.reports().get("text").contains(line), "text report lacks " + line);
            assertTrue(r.reports().get("sarif").contains(sarifText(line)), "SARIF notifications lack " + line);
            assertTrue(r.reports().get("junit").contains(xml(message)), "JUnit report lacks " + line);
            assertTrue(r.reports().get("junit").contains(xml(file)), "JUnit report lacks " + file);
            assertTrue(r.reports().get("html").contains(html(message)), "HTML report lacks " + line);
            assertTrue(r.reports().get("html").contains(html(file)), "HTML report lacks " + file);
        }
        try {
            JsonNode sarif = JSON.readTree(r.reports().get("sarif"));
            JsonNode notes = sarif.path("runs").get(0).path("invocations").get(0).path("toolExecutionNotifications");
            assertEquals(errors.size(), notes.size(), "one SARIF notification per error");
            assertEquals(errors.isEmpty(), sarif.path("runs").get(0).path("invocations").get(0).path("executionSuccessful").asBoolean());
        } catch (IOException e) {
            throw new AssertionError("SARIF report is not JSON", e);
        }
        int junitErrors = r.reports().get("junit").split("<error ", -1).length - 1;
        assertEquals(errors.size(), junitErrors, "one JUnit <error> per error");
    }

    /** The finding of the good filing beside the bad input: SPV-001 about Meta. */
    static void assertGoodFindingReported(Run r) {
        boolean found = false;
        for (JsonNode f : r.json().path("findings")) {
            found |= f.path("ruleId").asText().equals("SPV-001") && f.path("subject").path("id").asText().equals("meta");
        }
        assertTrue(found, "the good filing's SPV-001 finding is missing:\n" + r.out());
        assertTrue(r.reports().get("text").contains("[HIGH] SPV-001"), "text report lacks SPV-001");
        assertTrue(r.reports().get("csv").contains("\"SPV-001\""), "CSV report lacks SPV-001");
        assertTrue(r.reports().get("sarif").contains("\"ruleId\": \"SPV-001\""), "SARIF report lacks SPV-001");
        assertTrue(r.reports().get("html").contains("SPV-001"), "HTML report lacks SPV-001");
        int perFileMeta = 0;
        for (JsonNode f : r.json().path("inputs").path("perFile")) {
            if (f.path("file").asText().equals("in/meta.json")) {
                perFileMeta = f.path("loaded").asInt();
            }
        }
        assertEquals(11, perFileMeta, "the good filing is loaded whole");
    }

    /** The bad file is named in every report format. */
    static void assertNamedEverywhere(Run r, String file) {
        assertTrue(r.out().contains("\"file\": \"" + file + "\""), "JSON errors do not name " + file);
        assertTrue(r.reports().get("text").contains(file), "text report does not name " + file);
        assertTrue(r.reports().get("sarif").contains(file), "SARIF report does not name " + file);
        assertTrue(r.reports().get("junit").contains(xml(file)), "JUnit report does not name " + file);
        assertTrue(r.reports().get("html").contains(html(file)), "HTML report does not name " + file);
    }

    /** As the JDK's XML writer escapes an attribute value (an apostrophe stays: attributes are double-quoted). */
    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String sarifText(String s) {
        try {
            String quoted = JSON.writeValueAsString(s);
            return quoted.substring(1, quoted.length() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String excerpt(String all, Pattern p) {
        var m = p.matcher(all);
        if (!m.find()) {
            return "";
        }
        int from = Math.max(0, m.start() - 300);
        return all.substring(from, Math.min(all.length(), m.end() + 300));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
