package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.cli.Main;

/**
 * The "done when": one folder mixing the good filing with every bad case (and an
 * unreadable file, and the hostile rules) is checked to the end with exit 5, every good finding
 * reported, and every bad file named, in every report format.
 */
class MixedFolderTest {

    @TempDir
    Path root;

    @Test
    void aFolderOfEveryBadCaseBesideAGoodFilingIsCheckedToTheEnd() throws Exception {
        // the good filing alone: the findings every run below must still report
        Hostile.caseFolder(root.resolve("good"));
        Hostile.Run good = Hostile.check(root.resolve("good"));
        assertEquals(Main.FINDINGS, good.code(), good.err());
        Set<String> goodFindings = findings(good.json());
        assertTrue(goodFindings.size() >= 3, goodFindings.toString());

        Path mixed = Hostile.caseFolder(root.resolve("mixed"));
        List<BadInputs.Case> cases = BadInputs.all().stream().filter(BadInputs.Case::mixable).toList();
        Set<String> args = new LinkedHashSet<>();
        List<String> expected = new ArrayList<>();
        for (BadInputs.Case c : cases) {
            c.writeInto(mixed);
            expected.addAll(c.errors());
            for (int i = 0; i < c.args().size(); i += 2) {
                args.add(c.args().get(i) + "=" + c.args().get(i + 1));
            }
        }
        Path locked = mixed.resolve("in/locked.json");
        Hostile.write(mixed, "in/locked.json", BadInputs.doc("roles", "{\"entity\": \"meta\", \"target\": \"beignet\", \"role\": \"operator\"}"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        boolean readable;
        try (InputStream in = Files.newInputStream(locked)) {
            readable = in.read() >= 0;
        } catch (java.io.IOException e) {
            readable = false;
        }
        if (!readable) {
            expected.add("in/locked.json: cannot read: permission denied");
        }
        try {
            Hostile.Run r = Hostile.check(mixed, args.toArray(String[]::new));
            Hostile.assertNoLeaks(r);
            assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
            Hostile.assertErrors(r, expected);
            Hostile.assertGoodFindingReported(r);
            Set<String> mixedFindings = findings(r.json());
            assertTrue(mixedFindings.containsAll(goodFindings), "every good finding is still reported: " + goodFindings + " in " + mixedFindings);
            for (BadInputs.Case c : cases) {
                Hostile.assertNamedEverywhere(r, c.badFile());
            }
            JsonNode report = r.json();
            Hostile.assertReconciled(report);
            Hostile.assertEveryRejectionListed(report);
            Hostile.assertErrorsInEveryFormat(r);
            assertEquals(r.errorLines().size(), report.path("errors").size(), "every error on standard error, one line each");
            assertTrue(r.reports().get("text").contains("Summary: "), "the text report ran to its summary");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static Set<String> findings(JsonNode report) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode f : report.path("findings")) {
            // by rule and subject: facts the bad cases add validly (a stake, a role) may change a finding's evidence
            out.add(f.path("ruleId").asText() + " " + f.path("subject").path("id").asText());
        }
        return out;
    }
}
