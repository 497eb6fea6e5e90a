package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.cli.Main;

/**
 * Nothing is lost silently: facts read = facts loaded + facts rejected, for each file and in total,
 * in the JSON report and in the text and HTML summaries; and each rejected fact has its own error,
 * at its own line, in every report format.
 */
class NothingLostTest {

    @TempDir
    Path root;

    @Test
    void everyFactIsLoadedOrRejectedWithAnErrorAtItsLineInEveryFormat() {
        Hostile.caseFolder(root);
        // three facts, one good, one with a bad value, one naming an entity nobody defines
        Hostile.write(root, "in/partial.json", BadInputs.doc("stakes",
                "{\"holder\": \"blue-owl\", \"entity\": \"meta\", \"share\": 0.01}",
                "{\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": \"two\"}",
                "{\"holder\": \"ghost\", \"entity\": \"beignet\", \"share\": 0.1}"));
        // three rows: good, a share above 100%, too few cells; then a blank line (not a fact)
        Hostile.write(root, "in/partial.stakes.csv", "holder,entity,share,source\nmeta,blue-owl,0.02,s\nmeta,beignet,150%,s\nmeta,beignet\n\n");
        // malformed: nothing can be read from it
        Hostile.write(root, "in/broken.json", "{ \"stakes\": [ {\"holder\": ");
        // an identical re-definition of an entity: merged, counted as loaded by its file
        Hostile.write(root, "in/same.json", BadInputs.doc("entities", "{\"id\": \"blue-owl\", \"name\": \"Blue Owl Capital\", \"kind\": \"fund\"}"));

        Hostile.Run r = Hostile.check(root);
        Hostile.assertNoLeaks(r);
        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        Hostile.assertErrors(r, List.of(
                "in/broken.json:1:*: malformed JSON: Unexpected end-of-input*; file not loaded",
                "in/partial.json:4: field 'share': expected a number, found 'two'",
                "in/partial.json:5: field 'holder': unknown entity 'ghost': no file defines it (add it to an \"entities\" list); fact rejected",
                "in/partial.stakes.csv:3: field 'share': a share must be between 0 and 1 (or 0% and 100%), found 150%",
                "in/partial.stakes.csv:4: row has 2 cells, the header has 4"));

        JsonNode report = r.json();
        Map<String, String> perFile = new LinkedHashMap<>();
        for (JsonNode f : report.path("inputs").path("perFile")) {
            perFile.put(f.path("file").asText(), f.path("read").asInt() + "/" + f.path("loaded").asInt() + "/" + f.path("rejected").asInt());
        }
        assertEquals(Map.of(
                "in/broken.json", "0/0/0",
                "in/meta.json", "11/11/0",
                "in/partial.json", "3/1/2",
                "in/partial.stakes.csv", "3/1/2",
                "in/same.json", "1/1/0"), perFile, "read/loaded/rejected per file");
        assertEquals(18, report.path("inputs").path("factsRead").asInt());
        assertEquals(14, report.path("inputs").path("facts").asInt());
        assertEquals(4, report.path("inputs").path("rejected").asInt());
        Hostile.assertReconciled(report);
        Hostile.assertEveryRejectionListed(report);
        Hostile.assertErrorsInEveryFormat(r);
        Hostile.assertGoodFindingReported(r);

        // the summaries say the same
        assertTrue(r.reports().get("text").contains("5 files read, 18 facts read, 14 loaded, 4 rejected"), r.reports().get("text"));
        assertTrue(r.reports().get("text").contains("; 5 errors."), "the text summary counts the errors");
        String html = r.reports().get("html");
        for (String file : perFile.keySet()) {
            assertTrue(html.contains(file), "the HTML report lists " + file);
        }
    }

    /** A rule file that does not compile costs its own rules, is named, and the count of rule files still includes it. */
    @Test
    void aRuleFileThatDoesNotCompileIsCountedAndNamed() {
        Hostile.caseFolder(root);
        Hostile.write(root, "rules/zz/broken.drl", "package x;\nrule \"r\"\nwhen\n  Foo( \nthen\nend\n");
        Hostile.Run r = Hostile.check(root);
        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        JsonNode rules = r.json().path("inputs").path("rules");
        assertEquals(6, rules.path("files").asInt(), "five SPV rule files and the broken one");
        assertEquals(5, rules.path("ids").size(), "the five SPV rules still ran");
        Hostile.assertNamedEverywhere(r, "rules/zz/broken.drl");
        Hostile.assertErrorsInEveryFormat(r);
        Hostile.assertGoodFindingReported(r);
    }
}
