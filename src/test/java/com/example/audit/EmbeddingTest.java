package com.example.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.pipeline.Check;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.offbook.reports.Formats;
import org.offbook.reports.Report;

/**
 * An audit system on the JVM embedding offbook, written as an outside caller: only the public API
 * documented in docs/report-format.md ("Embedding"), from a package of its own.
 */
class EmbeddingTest {

    @Test
    void checkAFolderReadTheModelAndRenderAnyFormat() throws Exception {
        Report report = Check.run(new Check.Options(List.of(Path.of("src/test/resources/fixtures/hyperion")), List.of(Path.of("rules"))));

        assertTrue(report.errors().isEmpty());
        Finding top = report.findings().get(0);
        assertEquals("SPV-001", top.ruleId());
        assertEquals(Severity.HIGH, top.severity());
        assertEquals("USD 27.3B", top.amount().display());
        assertTrue(top.evidence().stream().anyMatch(e -> e.file().endsWith("meta.json") && e.line() == 9));

        for (String format : Formats.names()) {
            if (Formats.get(format).binary()) {
                continue; // xlsx: bytes, written with write(report, OutputStream) (XlsxReportTest)
            }
            StringWriter out = new StringWriter();
            Formats.get(format).render(report, out);
            assertTrue(out.toString().contains("SPV-001"), format);
        }
        assertEquals(List.of(), report.withFailOn(Severity.CRITICAL).failing());
        assertEquals(1, report.withFailOn(Severity.HIGH).failing().size());
    }
}
