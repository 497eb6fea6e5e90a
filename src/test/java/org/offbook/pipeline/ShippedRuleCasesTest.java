package org.offbook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.offbook.TestFiles;
import org.offbook.engine.CompiledRules;
import org.offbook.engine.RuleCompiler;
import org.offbook.model.RuleInfo;

/**
 * Every shipped rule's data test cases (rules/<family>/<ID>.tests/), through the same code path
 * as {@code offbook rules test}, and the layout that keeps each rule's DRL, doc and cases together.
 */
class ShippedRuleCasesTest {

    static final Path RULES = TestFiles.project("rules");

    @TestFactory
    Stream<DynamicTest> everyCasePasses() throws IOException {
        CompiledRules compiled = RuleCompiler.compile(List.of(RULES));
        assertEquals(List.of(), compiled.errors());
        List<Path> cases = RuleCases.find(List.of(RULES));
        assertTrue(cases.size() >= compiled.rules().size(), "at least one case per rule");
        return cases.stream().map(c -> {
            String name = RULES.relativize(c).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(name, () -> {
                RuleCases.Outcome o = RuleCases.run(compiled, c, name);
                assertEquals(List.of(), o.failures(), name + ": " + o.description());
            });
        });
    }

    @Test
    void everyRuleHasItsDocAndCasesBesideIt() {
        CompiledRules compiled = RuleCompiler.compile(List.of(RULES));
        List<String> missing = new ArrayList<>();
        for (RuleInfo r : compiled.rules()) {
            Path drl = Path.of(r.file()).isAbsolute() ? Path.of(r.file()) : TestFiles.project(r.file());
            Path dir = drl.getParent();
            if (!drl.getFileName().toString().equals(r.id() + ".drl")) {
                missing.add(r.id() + ": DRL file should be named " + r.id() + ".drl, is " + drl.getFileName());
            }
            if (!Files.isRegularFile(dir.resolve(r.id() + ".md"))) {
                missing.add(r.id() + ": no doc page " + r.id() + ".md");
            }
            Path tests = dir.resolve(r.id() + ".tests");
            if (!Files.isDirectory(tests)) {
                missing.add(r.id() + ": no test cases in " + r.id() + ".tests/");
            }
        }
        assertEquals(List.of(), missing);
    }
}
