package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.cli.Main;

/**
 * The same folder gives byte-identical reports, in every format, whatever the order in which its
 * files were written to disk and whatever the machine's locale and time zone. (The packaged jar is
 * checked the same way by {@code OffbookJarIT}; this covers every format, in-process.)
 */
class DeterminismTest {

    @TempDir
    Path root;

    private static final List<String> FORMATS = List.of("text", "json", "csv", "sarif", "junit", "html");

    /** The shipped filings plus a few bad files, so that errors are part of what must be stable. */
    private List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(TestFiles.project("filings"))) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        Path extra = root.resolve("extra");
        TestFiles.write(extra, "zz/broken.json", "{ \"stakes\": [ {\"holder\": } ] }");
        TestFiles.write(extra, "aa/bad.stakes.csv", "holder,entity,share,source\nmeta,beignet,2,s\nnobody,beignet,0.1,s\nmeta,beignet,x,s\n");
        TestFiles.write(extra, "mm/odd.json", BadInputs.doc("leases", "{\"lessee\": \"meta\", \"lessor\": \"nobody\", \"termYears\": -1}",
                "{\"lessee\": \"meta\", \"lessor\": \"beignet\", \"start\": \"2025-12-31\", \"termYears\": 2, \"booking\": \"finance\"}"));
        try (Stream<Path> walk = Files.walk(extra)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }

    /** Copies the files into {@code <root>/case/filings} in the given order, creating folders as they come. */
    private Path copyInOrder(List<Path> files) throws IOException {
        Path target = root.resolve("case/filings");
        if (Files.exists(target)) {
            try (Stream<Path> walk = Files.walk(target)) {
                for (Path p : (Iterable<Path>) walk.sorted(Collections.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(target);
        Path filings = TestFiles.project("filings");
        Path extra = root.resolve("extra");
        for (Path f : files) {
            Path rel = f.startsWith(filings) ? filings.relativize(f) : Path.of("extra").resolve(extra.relativize(f));
            Path to = target.resolve(rel.toString());
            Files.createDirectories(to.getParent());
            Files.copy(f, to);
        }
        return target;
    }

    /** Every format of one run: json on standard output, the others as files. */
    private Map<String, String> reports(Path filings, String outName) {
        Path out = root.resolve(outName);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("check", filings.toString(), "--rules", TestFiles.project("rules").toString(),
                "--format", "json", "--engagement", "Déterminisme FY2025", "--as-of", "2025-12-31", "--preparer", "A. Auditor"));
        for (String f : FORMATS) {
            if (!f.equals("json")) {
                args.addAll(List.of("--report", f + "=" + out.resolve("report." + f)));
            }
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(new PrintWriter(stdout), new PrintWriter(stderr), args.toArray(String[]::new));
        assertEquals(Main.LOAD_ERRORS, code, stderr.toString());
        Map<String, String> all = new LinkedHashMap<>();
        all.put("json", stdout.toString());
        all.put("stderr", stderr.toString().replace(out.toString(), "OUT"));
        for (String f : FORMATS) {
            if (!f.equals("json")) {
                all.put(f, TestFiles.read(out.resolve("report." + f)));
            }
        }
        return all;
    }

    private static void assertSameBytes(Map<String, String> expected, Map<String, String> actual, String what) {
        for (String f : expected.keySet()) {
            assertEquals(expected.get(f), actual.get(f), f + " differs " + what);
        }
    }

    @Test
    void theOrderOfFilesOnDiskChangesNoByte() throws Exception {
        List<Path> files = sources();
        Map<String, String> sorted = reports(copyInOrder(files), "out-sorted");
        assertTrue(sorted.get("json").contains("\"ruleId\": \"SPV-001\""), "a real run with findings");
        assertTrue(sorted.get("text").contains("Errors ("), "and errors");

        List<Path> reversed = new ArrayList<>(files);
        Collections.reverse(reversed);
        assertSameBytes(sorted, reports(copyInOrder(reversed), "out-reversed"), "when the files were written in reverse order");

        List<Path> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new java.util.Random(8));
        assertSameBytes(sorted, reports(copyInOrder(shuffled), "out-shuffled"), "when the files were written in a shuffled order");
    }

    @Test
    void localeAndTimeZoneChangeNoByte() throws Exception {
        Path filings = copyInOrder(sources());
        Locale locale = Locale.getDefault();
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Map<String, String> reference = reports(filings, "out-root");
            // Turkish dotless i in case mappings; Arabic-Indic digits and separators, and a comma decimal
            // point, in number formats; time zones a day apart and at odd offsets
            String[][] machines = {
                {"tr-TR", "Pacific/Kiritimati"},
                {"ar-SA", "America/St_Johns"},
                {"de-DE", "Pacific/Pago_Pago"},
            };
            for (String[] m : machines) {
                Locale.setDefault(Locale.forLanguageTag(m[0]));
                TimeZone.setDefault(TimeZone.getTimeZone(m[1]));
                assertSameBytes(reference, reports(filings, "out-" + m[0]), "under " + m[0] + " / " + m[1]);
            }
        } finally {
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
            TimeZone.setDefault(zone);
        }
    }
}
