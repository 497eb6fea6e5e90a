package org.offbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.offbook.pipeline.Check;
import org.offbook.TestFiles;
import org.offbook.model.Finding;
import org.offbook.reports.Report;

/**
 * The whole sample folder against the shipped rules: the (rule, subject, severity) of every
 * finding is reviewed and pinned (a not-assessed finding shows {@code not-assessed} in place of a severity) in src/test/resources/golden/filings-findings.txt, so any change
 * to rules, thresholds or filings that changes what is reported is a deliberate one. To accept a
 * change: run {@code ./offbook check filings --format json}, review it, and update the file.
 */
class GoldenFilingsTest {

    @Test
    void sampleFilingsGiveTheReviewedFindings() {
        Report r = Check.run(List.of(TestFiles.project("filings")), List.of(TestFiles.project("rules")), RuleRunner.Limits.DEFAULT);
        assertEquals(List.of(), r.errors());
        assertEquals(0, r.factsRejected());
        String actual = r.findings().stream()
                .map(f -> f.ruleId() + " " + f.subject() + " " + (f.isRisk() ? f.severity().label() : f.framing().kind()) + " "
                        + String.join(",", f.entities()))
                .sorted().collect(Collectors.joining("\n")) + "\n";
        String golden = TestFiles.read(TestFiles.project("src/test/resources/golden/filings-findings.txt"))
                .lines().filter(l -> !l.startsWith("#") && !l.isBlank()).sorted().collect(Collectors.joining("\n")) + "\n";
        assertEquals(golden, actual);
    }

    @Test
    void everyShippedFindingExplainsItselfWithFiguresAndEvidence() {
        Report r = Check.run(List.of(TestFiles.project("filings")), List.of(TestFiles.project("rules")), RuleRunner.Limits.DEFAULT);
        for (Finding f : r.findings()) {
            String where = f.ruleId() + " on " + f.subject();
            assertTrue(f.explanation() != null && f.explanation().matches("(?s).*\\d.*"), where + " explanation has figures");
            assertTrue(!f.explanation().contains("?}") && !f.explanation().contains("n/a"), where + ": " + f.explanation());
            assertTrue(f.why() != null && f.procedure() != null, where + " says why and what to do");
            assertTrue(!f.standards().isEmpty(), where + " cites a standard");
            assertTrue(f.evidence().stream().anyMatch(e -> e.file().startsWith("filings/") || e.file().contains("/filings/")),
                    where + " cites filings evidence");
        }
    }
}
