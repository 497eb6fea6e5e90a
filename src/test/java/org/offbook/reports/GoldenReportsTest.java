package org.offbook.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.pipeline.Check;
import org.offbook.model.Severity;
import org.offbook.engine.RuleRunner;

/**
 * The HTML and JUnit reports, byte for byte: of the sample filings against the shipped rules, and
 * of the hostile fixture of {@link HtmlReportTest} (markup in every field, an error, a baselined,
 * a suppressed and a resolved finding). A change to a renderer that changes what a user gets shows
 * up here as a diff to review, never silently.
 *
 * <p>To accept an intended change: run with {@code -Doffbook.golden.update=true}, review the diff
 * of src/test/resources/golden/, and say in the commit why the output changed.
 */
class GoldenReportsTest {

    static final Path DIR = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("offbook.golden.update");

    /** The sample report with what varies between builds and machines fixed: tool version and generation time. */
    static Report sample() {
        Report r = Check.run(List.of(Path.of("filings")), List.of(Path.of("rules")), RuleRunner.Limits.DEFAULT);
        return new Report("golden", r.inputs(), r.files(), r.skipped(), r.factsRead(), r.factsLoaded(), r.rules(), r.ruleFiles(),
                r.errors(), r.findings(), r.resolved(), "2026-01-02T03:04:05Z", r.entities(), Severity.HIGH)
                .withRun(goldenRun(r));
    }

    /**
     * Run metadata with fixed versions: the rule pack's and each rule's hash change with every rule
     * edit, which the goldens should not (RunMetadataTest checks the real hashes).
     */
    static org.offbook.model.RunInfo goldenRun(Report r) {
        java.util.Map<String, String> versions = new java.util.TreeMap<>();
        r.rules().forEach(ri -> versions.put(ri.id(), "000000000000"));
        return new org.offbook.model.RunInfo("Golden sample <FY2025>", java.time.LocalDate.of(2025, 12, 31), "offbook tests", null,
                "sha256:" + "0".repeat(64), versions);
    }

    static String render(Renderer renderer, Report r) throws IOException {
        StringWriter w = new StringWriter();
        renderer.render(r, w);
        return w.toString();
    }

    static void assertGolden(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        // the actual output beside the build, to diff against the golden file when they differ
        Path actualFile = Path.of("target/golden-actual").resolve(name);
        Files.createDirectories(actualFile.getParent());
        Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
        if (UPDATE) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(file), "no golden file " + file + "; create it with -Doffbook.golden.update=true");
        // compared as one string, so a failure shows the first differing place
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name + " differs from its golden file");
    }

    @Test
    void sampleFilingsHtmlAndJunitAreUnchanged() throws IOException {
        Report r = sample();
        assertTrue(r.findings().size() > 20, "the sample gives its findings");
        assertGolden("filings-report.html", render(new HtmlReport(), r));
        assertGolden("filings-junit.xml", render(new JunitReport(), r));
    }

    @Test
    void hostileFixtureHtmlAndJunitAreUnchanged() throws Exception {
        Report r = HtmlReportTest.hostile();
        assertGolden("hostile-report.html", render(new HtmlReport(), r));
        assertGolden("hostile-junit.xml", render(new JunitReport(), r));
    }
}
