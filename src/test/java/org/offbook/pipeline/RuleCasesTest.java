package org.offbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.engine.CompiledRules;
import org.offbook.engine.RuleCompiler;
import org.offbook.engine.RuleCompilerTest;

/** The case runner itself: it must fail cases that are wrong, not only pass the right ones. */
class RuleCasesTest {

    @TempDir
    Path rules;

    private RuleCases.Outcome runCase(String expected) {
        TestFiles.write(rules, "t/T-001.drl", RuleCompilerTest.rule("T-001", "id == \"acme\""));
        TestFiles.write(rules, "t/T-001.tests/c/facts.json",
                "{\"source\": \"s\", \"entities\": [{\"id\": \"acme\", \"name\": \"Acme\", \"kind\": \"company\"}]}");
        TestFiles.write(rules, "t/T-001.tests/c/expected.json", expected);
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        List<Path> cases = assertOneCase();
        return RuleCases.run(compiled, cases.get(0), "c");
    }

    private List<Path> assertOneCase() {
        try {
            List<Path> cases = RuleCases.find(List.of(rules));
            assertEquals(1, cases.size());
            return cases;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void passesWhenTheExpectationsHold() {
        RuleCases.Outcome o = runCase("{\"expect\": [{\"rule\": \"T-001\", \"subject\": \"acme\", \"severity\": \"low\", \"contains\": [\"Acme matched\"]}],"
                + " \"absent\": [{\"rule\": \"T-002\"}]}");
        assertEquals(List.of(), o.failures());
    }

    @Test
    void failsOnWrongSeverityMissingTextMissingFindingAndUnexpectedFinding() {
        RuleCases.Outcome o = runCase("""
                {"expect": [
                   {"rule": "T-001", "subject": "acme", "severity": "high", "contains": ["no such words"]},
                   {"rule": "T-001", "subject": "other"}],
                 "absent": [{"rule": "T-001", "subject": "acme"}]}
                """);
        String all = String.join("\n", o.failures());
        assertTrue(all.contains("with severity high, found [low]"), all);
        assertTrue(all.contains("to contain \"no such words\""), all);
        assertTrue(all.contains("expected T-001 on other, but it did not fire"), all);
        assertTrue(all.contains("expected no T-001 on acme, but it fired"), all);
        assertEquals(4, o.failures().size(), all);
    }

    @Test
    void aCaseIsClosedWorldForItsRule() {
        RuleCases.Outcome o = runCase("{\"absent\": [{\"rule\": \"T-002\"}]}");
        assertEquals(List.of("unexpected finding: T-001 on acme (low) is not listed in expected.json (a case lists every finding of "
                + "T-001; add an \"expect\" entry if it is right): Acme matched T-001"), o.failures());
    }

    @Test
    void anExactTextSnapshotMustMatch() {
        assertEquals(List.of(), runCase("{\"expect\": [{\"rule\": \"T-001\", \"subject\": \"acme\", \"text\": \"Acme matched T-001\"}]}")
                .failures());
        String all = String.join("\n", runCase("{\"expect\": [{\"rule\": \"T-001\", \"subject\": \"acme\", \"text\": \"Acme matched\"}]}")
                .failures());
        assertTrue(all.contains("to be exactly:\n    Acme matched\n  it was:\n    Acme matched T-001"), all);
    }

    @Test
    void malformedOrEmptyExpectationsAreFailuresWithFileAndLine() {
        assertTrue(runCase("{\"expect\": [\n {\"rule\": }]}").failures().get(0).matches(".*expected\\.json:2: malformed expectation file.*"));
        String shape = String.join("\n", runCase("{\"expected\": []}").failures());
        assertTrue(shape.contains("unknown key 'expected'") && shape.contains("needs \"expect\" or \"absent\""), shape);
        assertTrue(runCase("{\"expect\": [{\"subject\": \"acme\"}]}").failures().get(0).contains("entry 1 needs \"rule\""));
    }
}
