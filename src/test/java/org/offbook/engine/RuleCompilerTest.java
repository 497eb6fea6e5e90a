package org.offbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.Provenance;
import org.offbook.model.Finding;
import org.offbook.model.Problem;
import org.offbook.model.RuleInfo;
import org.offbook.pipeline.Check;

/** Run-time compilation of user DRL: errors mapped to the user's files, metadata enforced. */
public class RuleCompilerTest {

    @TempDir
    Path rules;

    static final String HEADER = """
            package test.rules;
            import org.offbook.model.Entity;
            import org.offbook.model.Threshold;
            global org.offbook.engine.Reporter findings;
            """;

    public static String rule(String id, String constraint) {
        return HEADER + """
                rule "%1$s rule"
                    @id("%1$s") @family("TEST") @severity("low") @title("Test rule %1$s") @standards("ASC 000-00") @explain("{e.name} matched %1$s")
                when
                    $e : Entity( %2$s )
                then
                    findings.report(kcontext).subject($e.id());
                end
                """.formatted(id, constraint);
    }

    private static String messages(List<Problem> errors) {
        return errors.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static List<Fact> entities(String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> (Fact) new Entity(id, id.toUpperCase(), "company", List.of(), null, null, null, null, "test", new Provenance("t.json", 1)))
                .toList();
    }

    @Test
    void moreThanTenRulesBuildAndAllFire() {
        // Drools compiles rules in parallel above 10 per package: 15 here
        for (int i = 1; i <= 15; i++) {
            TestFiles.write(rules, "many/T-%03d.drl".formatted(i), rule("T-%03d".formatted(i), "id == \"acme\""));
        }
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        assertEquals(List.of(), compiled.errors(), messages(compiled.errors()));
        assertEquals(15, compiled.rules().size());
        Check.Evaluation result = Check.evaluate(compiled, entities("acme", "other"), RuleRunner.Limits.DEFAULT);
        assertEquals(15, result.findings().size());
        assertTrue(result.findings().stream().allMatch(f -> f.subject().equals("acme")));
        assertEquals("ACME matched T-007", result.findings().stream().filter(f -> f.ruleId().equals("T-007")).findFirst()
                .orElseThrow().explanation());
    }

    @Test
    void syntaxErrorNamesTheUsersFileLineAndColumnAndOtherFilesStillRun() {
        TestFiles.write(rules, "good/T-001.drl", rule("T-001", "id == \"acme\""));
        TestFiles.write(rules, "bad/T-002.drl", rule("T-002", "id == ") );
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        String shown = rules.normalize().toString().replace('\\', '/') + "/bad/T-002.drl";
        Problem e = compiled.errors().get(0);
        assertEquals(shown, e.file(), messages(compiled.errors()));
        assertEquals(8, e.line(), messages(compiled.errors()));
        assertEquals(1, compiled.errors().size(), messages(compiled.errors()));
        assertTrue(e.column() > 0, messages(compiled.errors()));
        assertTrue(e.message().contains("the other rule files still run"), e.message());
        assertNotNull(compiled.kieBase());
        assertEquals(List.of("T-001"), compiled.rules().stream().map(RuleInfo::id).toList());
        assertEquals(1, Check.evaluate(compiled, entities("acme"), RuleRunner.Limits.DEFAULT).findings().size());
    }

    @Test
    void aMistypedFieldIsOneErrorWithItsLineAndColumn() {
        TestFiles.write(rules, "good/T-001.drl", rule("T-001", "id == \"acme\""));
        TestFiles.write(rules, "bad/T-003.drl", rule("T-003", "nosuchfield == 1"));
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        assertEquals(1, compiled.errors().size(), messages(compiled.errors()));
        Problem e = compiled.errors().get(0);
        assertTrue(e.file().endsWith("bad/T-003.drl"), e.toString());
        assertEquals(8, e.line(), e.toString());
        // "    $e : Entity( nosuchfield == 1 )": the expression starts at column 18
        assertEquals(18, e.column(), e.toString());
        assertEquals(List.of("T-001"), compiled.rules().stream().map(RuleInfo::id).toList());
    }

    @Test
    void ruleWithoutMetadataOrWithADuplicateIdIsRejected() {
        TestFiles.write(rules, "a.drl", rule("T-001", "id == \"acme\""));
        TestFiles.write(rules, "b.drl", rule("T-001", "id == \"acme\"").replace("T-001 rule", "T-001 again"));
        TestFiles.write(rules, "c.drl", HEADER + """
                rule "no metadata"
                when
                    Entity()
                then
                end
                """);
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        String all = messages(compiled.errors());
        assertTrue(all.contains("b.drl:5: rule 'T-001 again': @id \"T-001\" is already used by rule 'T-001 rule'"), all);
        assertTrue(all.contains("c.drl:5: rule 'no metadata': missing @id"), all);
        assertTrue(all.contains("missing @standards"), all);
        assertEquals(1, compiled.rules().size());
        assertEquals(1, Check.evaluate(compiled, entities("acme"), RuleRunner.Limits.DEFAULT).findings().size(),
                "rejected rules are removed from the rule base");
    }

    @Test
    void undefinedThresholdIsReportedWhereItIsUsed() {
        TestFiles.write(rules, "thresholds.csv", "name,value,unit,reason\nknown,1,count,because\n");
        TestFiles.write(rules, "t.drl", rule("T-001", "id == \"acme\"")
                .replace("$e : Entity(", "Threshold( name == \"unknown.one\" )\n    Threshold( name == \"known\" )\n    $e : Entity("));
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        String all = messages(compiled.errors());
        assertTrue(all.contains("t.drl:8:25: threshold 'unknown.one' is not defined in any thresholds.csv"), all);
        assertEquals(1, compiled.errors().size(), all);
        assertEquals("known", compiled.thresholds().get(0).name());
        assertEquals(2, compiled.thresholds().get(0).provenance().line());
    }

    @Test
    void badThresholdRowsAreReported() {
        TestFiles.write(rules, "thresholds.csv", "name,value,unit,reason\na,ten,share,x\nb,1,count,y\nb,2,count,z\n");
        TestFiles.write(rules, "t.drl", rule("T-001", "id == \"acme\""));
        String all = messages(RuleCompiler.compile(List.of(rules)).errors());
        assertTrue(all.contains("thresholds.csv:2: field 'value': expected a number for 'a', found 'ten'"), all);
        assertTrue(all.contains("thresholds.csv:4: field 'name': threshold 'b' is already defined at"), all);
    }

    @Test
    void noRulesAtAllIsAnError() {
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        assertTrue(messages(compiled.errors()).contains("no .drl rule files found"));
    }

    @Test
    void aRuleThatRetriggersItselfIsStoppedAndNamed() {
        TestFiles.write(rules, "loop.drl", HEADER + """
                rule "loops forever"
                    @id("T-009") @family("TEST") @severity("low") @title("Loop") @standards("none")
                when
                    $e : Entity()
                then
                    update($e);
                end
                """);
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        Check.Evaluation r = Check.evaluate(compiled, entities("acme"), new RuleRunner.Limits(500, Duration.ofSeconds(30)));
        assertEquals(500, r.firings());
        String all = r.problems().stream().map(p -> p.message()).collect(Collectors.joining("\n"));
        assertTrue(all.contains("fired 500 times, the limit") && all.contains("'loops forever'"), all);
    }

    /** A rule whose message reads a property of a supplied value, known only when the finding is built. */
    private static String suppliedValueRule(String property) {
        return rule("T-001", "id == \"acme\"").replace("@explain(\"{e.name} matched T-001\")",
                "@explain(\"{t.%s} matched\") @values(\"t\")".formatted(property)).replace(".subject($e.id());", ".subject($e.id()).with(\"t\", $e);");
    }

    @Test
    void templateErrorsAreReportedNotHidden() {
        TestFiles.write(rules, "t.drl", suppliedValueRule("nmae"));
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        assertEquals(List.of(), compiled.errors());
        Check.Evaluation r = Check.evaluate(compiled, entities("acme"), RuleRunner.Limits.DEFAULT);
        String all = r.problems().stream().map(p -> p.message()).collect(Collectors.joining("\n"));
        assertTrue(all.contains("template refers to unknown value {t.nmae}"), all);
        Finding f = r.findings().get(0);
        assertTrue(f.explanation().startsWith("{t.nmae?}"), f.explanation());
    }

    @Test
    void finishingWithExactlyTheFiringLimitIsNotARunaway() {
        TestFiles.write(rules, "t.drl", rule("T-001", "id != null"));
        CompiledRules compiled = RuleCompiler.compile(List.of(rules));
        Check.Evaluation r = Check.evaluate(compiled, entities("a", "b", "c"), new RuleRunner.Limits(3, Duration.ofSeconds(30)));
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.findings().size());
    }

    @Test
    void aRuleThatThrowsIsNamed() {
        TestFiles.write(rules, "boom.drl", HEADER + """
                rule "throws on purpose"
                    @id("T-002") @family("TEST") @severity("low") @title("Boom") @standards("none")
                when
                    $e : Entity()
                then
                    throw new IllegalStateException("boom");
                end
                """);
        Check.Evaluation r = Check.evaluate(RuleCompiler.compile(List.of(rules)), entities("acme"), RuleRunner.Limits.DEFAULT);
        String all = r.problems().stream().map(p -> p.message()).collect(Collectors.joining("\n"));
        assertTrue(all.contains("rule 'throws on purpose' failed while running: IllegalStateException: boom"), all);
    }

    @Test
    void templateProblemsPointAtTheRulesLine() {
        TestFiles.write(rules, "t.drl", suppliedValueRule("nmae"));
        Check.Evaluation r = Check.evaluate(RuleCompiler.compile(List.of(rules)), entities("acme"), RuleRunner.Limits.DEFAULT);
        assertEquals(5, r.problems().get(0).line());
    }

    @Test
    void findingsWhoseFactsShareTheirKeysAreBothKept() {
        TestFiles.write(rules, "t.drl", HEADER.replace("import org.offbook.model.Threshold;", "import org.offbook.model.Financing;") + """
                rule "each financing"
                    @id("T-003") @family("TEST") @severity("low") @title("Debt") @standards("none") @explain("owes {f.amount}")
                when
                    $f : Financing()
                then
                    findings.report(kcontext).subject($f.borrower()).amount($f.amount());
                end
                """);
        List<Fact> facts = new java.util.ArrayList<>(entities("acme"));
        for (String amount : List.of("USD 1B", "EUR 1B")) {
            facts.add(new org.offbook.model.Financing(null, "acme", List.of(), null, org.offbook.model.Money.parse(amount, null), null, null,
                    null, null, null, null, null, null, null, "t", new Provenance("t.json", facts.size())));
        }
        List<Finding> found = Check.evaluate(RuleCompiler.compile(List.of(rules)), facts, RuleRunner.Limits.DEFAULT).findings();
        assertEquals(2, found.size());
        assertTrue(!found.get(0).fingerprint().equals(found.get(1).fingerprint()));
    }

    @Test
    void filesAreCompiledAndCachedByTheirDrlPackage() {
        java.util.Map<String, String> texts = new java.util.TreeMap<>();
        texts.put("d0/a.drl", "package fam.one;\nrule \"x\" when then end\n");
        texts.put("d0/b.drl", "\uFEFF// a file saved with a byte-order mark\npackage fam.one;\n");
        texts.put("d1/c.drl", "/* package fam.comment; */\n  package fam.two;\n");
        texts.put("d1/d.drl", "rule \"no package\" when then end\n");
        var groups = RuleCompiler.groups(texts);
        assertEquals(List.of("", "fam.one", "fam.two"), List.copyOf(groups.keySet()));
        assertEquals(List.of("d0/a.drl", "d0/b.drl"), List.copyOf(groups.get("fam.one").keySet()));
    }
}
