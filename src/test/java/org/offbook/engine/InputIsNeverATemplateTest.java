package org.offbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Finding;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadResult;

/**
 * Input text that looks like a placeholder is printed as it is: a period written "Q1 {FY2026}" once
 * ended the run with exit 5 and a template error blamed on LOI-001.drl, because that rule
 * concatenated the period into its message template.
 */
class InputIsNeverATemplateTest {

    @TempDir
    Path dir;

    @Test
    void bracesInAnInputPeriodArePrintedAsText() throws Exception {
        String facts = TestFiles.read(Path.of("rules/loi/LOI-001.tests/oracle-rpo-rests-on-a-reported-contract/facts.json"))
                .replace("\"Q1 FY2026\"", "\"Q1 {FY2026}\"");
        assertTrue(facts.contains("Q1 {FY2026}"));
        Path input = TestFiles.write(dir, "facts.json", facts);
        LoadResult loaded = FolderLoader.load(List.of(input));
        assertEquals(List.of(), loaded.errors());
        CompiledRules rules = RuleCompiler.compile(List.of(Path.of("rules")), null);
        assertEquals(List.of(), rules.errors());
        org.offbook.pipeline.Check.Evaluation result = org.offbook.pipeline.Check.evaluate(rules, loaded.facts(),
                RuleRunner.Limits.DEFAULT);
        assertEquals(List.of(), result.problems());
        Finding loi = result.findings().stream().filter(f -> f.ruleId().equals("LOI-001")).findFirst().orElseThrow();
        assertTrue(loi.explanation().contains("remaining performance obligations at Q1 {FY2026}"), loi.explanation());
        assertTrue(Files.exists(input));
    }
}
