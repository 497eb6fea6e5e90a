package org.offbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.Provenance;
import org.offbook.model.Problem;
import org.offbook.model.RuleInfo;

/** Messages declared with a rule's metadata are checked when the rules compile, before anything runs. */
class DeclaredMessagesTest {

    @TempDir
    Path rules;

    private static String rule(String id, String messages, String consequence) {
        return RuleCompilerTest.HEADER + """
                rule "%1$s rule"
                    @id("%1$s") @family("TEST") @severity("low") @title("Test rule %1$s") @standards("ASC 000-00")
                %2$s
                when
                    $e : Entity( $kind : kind )
                then
                    findings.report(kcontext).subject($e.id())%3$s;
                end
                """.formatted(id, messages, consequence);
    }

    private static String errors(CompiledRules c) {
        return c.errors().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void aDeclaredMessageIsFilledFromBindingsAndDeclaredValues() {
        TestFiles.write(rules, "t/T-001.drl", rule("T-001", """
                    @explain("{e.name} is a {kind} "
                           + "({?e.vehicle}a vehicle{/e.vehicle}{!e.vehicle}not a vehicle{/e.vehicle}), {note}.")
                    @why("Because
                          it says so.")
                    @values("note")""", ".with(\"note\", \"see {e.name} literally\")"));
        CompiledRules compiled = RuleCompiler.compile(List.of(rules), null);
        assertEquals("", errors(compiled));
        RuleInfo info = compiled.rules().get(0);
        assertEquals(List.of("note"), info.messages().values());
        List<Fact> facts = List.of(new Entity("acme", "Acme", "company", List.of(), null, null, null, null, "t", new Provenance("t.json", 1)));
        org.offbook.pipeline.Check.Evaluation result = org.offbook.pipeline.Check.evaluate(compiled, facts, RuleRunner.Limits.DEFAULT);
        assertEquals(List.of(), result.problems());
        assertEquals("Acme is a company (not a vehicle), see {e.name} literally.", result.findings().get(0).explanation());
        assertEquals("Because it says so.", result.findings().get(0).why());
    }

    @Test
    void anUnknownPlaceholderPropertyFormatOrValueIsRejectedAtItsLineAndTheOtherRulesLoad() {
        TestFiles.write(rules, "t/T-001.drl", rule("T-001", """
                    @explain("{e.name} and {nope} and {e.nmae} and {e.name|pct} and {kind|bold}"
                           + " and {?e.id}unclosed")""", ".with(\"extra\", 1)"));
        TestFiles.write(rules, "t/T-002.drl", rule("T-002", "    @explain(\"{e.name}\")", ""));
        CompiledRules compiled = RuleCompiler.compile(List.of(rules), null);
        String all = errors(compiled);
        assertTrue(all.contains("T-001.drl:7:24: rule 'T-001 rule': @explain placeholder {nope}: unknown name 'nope'"), all);
        assertTrue(all.contains("T-001.drl:7:35: rule 'T-001 rule': @explain placeholder {e.nmae}: Entity e has no property 'nmae'"), all);
        assertTrue(all.contains("{e.name|pct}: format 'pct' does not fit e.name, a String"), all);
        assertTrue(all.contains("{kind|bold}: unknown format 'bold'"), all);
        assertTrue(all.contains("T-001.drl:8:16: rule 'T-001 rule': @explain section {?e.id} is not closed with {/e.id}"), all);
        assertTrue(all.contains("T-001.drl:12:47: rule 'T-001 rule': .with(\"extra\", ...) supplies a value not declared in @values"), all);
        assertTrue(all.contains("rule not loaded"), all);
        assertEquals(List.of("T-002"), compiled.rules().stream().map(RuleInfo::id).toList());
    }

    @Test
    void aRuleInTheOldFormIsRefusedAtItsLineWithHowToPortItAndTheOtherRulesLoad() {
        TestFiles.write(rules, "t/T-001.drl", rule("T-001", "", ".explain(\"{e.name} matched\").why(\"because\")"));
        TestFiles.write(rules, "t/T-002.drl", rule("T-002", "    @explain(\"{e.name}\")", ""));
        TestFiles.write(rules, "t/T-003.drl", rule("T-003", "", ""));
        TestFiles.write(rules, "t/T-004.drl", rule("T-004", "    @explain(\"{e.name}\")", "")
                .replace("global org.offbook.engine.Reporter findings;", "global org.offbook.findings.Findings findings;"));
        CompiledRules compiled = RuleCompiler.compile(List.of(rules), null);
        String all = errors(compiled);
        assertTrue(all.contains("T-001.drl:11:47: .explain(...) in a consequence is the old form, no longer supported: declare "
                + "the text as @explain(\"...\") beside the rule's metadata and supply values with .with(name, value), declared in "
                + "@values (docs/writing-rules.md, \"Porting a rule written in the old form\"); file left out"), all);
        assertTrue(all.contains("T-001.drl:11:75: .why(...) in a consequence is the old form"), all);
        assertTrue(all.contains("T-003.drl:11:5: rule 'T-003 rule': reports findings but declares no @explain(\"...\")"), all);
        assertTrue(all.contains("T-004.drl:4:1: the global 'org.offbook.findings.Findings' is the old form"), all);
        assertEquals(4, compiled.errors().size(), all);
        assertEquals(List.of("T-002"), compiled.rules().stream().map(RuleInfo::id).toList());
    }
}
