package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.pipeline.Check;
import org.offbook.TestFiles;
import org.offbook.model.Finding;
import org.offbook.reports.Report;

/**
 * Input is only ever data: a value that looks like a message template, an expression of the rule
 * language, a lookup or a type hint is carried through to the reports as the text it is.
 */
class InputIsDataTest {

    @TempDir
    Path root;

    @Test
    void templatesExpressionsAndLookupsInValuesAreNeverEvaluated() throws Exception {
        String name = "{company.name} {debt.amount|money} {{ ${jndi:ldap://127.0.0.1/a} #{7*7} @{java.lang.System.exit(3)} %s %n";
        Hostile.caseFolder(root);
        String deal = TestFiles.read(root.resolve("in/meta.json"))
                .replace("\"Meta Platforms, Inc.\"", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(name))
                .replace("\"kind\": \"company\", \"cik\"", "\"kind\": \"company\", \"x-type\": \"java.lang.Runtime\", \"cik\"");
        Hostile.write(root, "in/meta.json", deal);
        Report r = Check.run(new Check.Options(List.of(root.resolve("in")), List.of(root.resolve("rules"))));
        assertEquals(List.of(), r.errors(), "no template problem, no error: the value is not a template");
        Finding spv = r.findings().stream().filter(f -> f.ruleId().equals("SPV-001")).findFirst().orElseThrow();
        assertEquals(name, spv.subjectName());
        assertTrue(spv.explanation().startsWith(name + " holds 20% of Beignet Investor LLC"), spv.explanation());
        // the name is used several times in the explanation; each time as written
        assertEquals(spv.explanation().split(java.util.regex.Pattern.quote("{company.name}"), -1).length - 1,
                spv.explanation().split(java.util.regex.Pattern.quote(name), -1).length - 1);
    }
}
