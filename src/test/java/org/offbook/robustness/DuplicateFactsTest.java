package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.cli.Main;

/**
 * Issue 13, item 1: the same fact in two files is one fact. A filing saved twice ("meta (1).json")
 * must not double the vehicle's debt; an identical duplicate is a notice naming both places, a
 * conflicting one an error naming both places (exit 5); the counts still reconcile.
 */
class DuplicateFactsTest {

    @TempDir
    Path root;

    private static List<String> atStake(JsonNode report, String rule) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            if (f.path("ruleId").asText().equals(rule)) {
                out.add(f.toString());
            }
        }
        return out;
    }

    @Test
    void aFilingSavedTwiceIsCountedOnceAndReportedAsANotice() throws Exception {
        Hostile.caseFolder(root);
        Hostile.Run once = Hostile.check(root);
        Files.copy(root.resolve("in/meta.json"), root.resolve("in/meta (1).json"));
        Hostile.Run twice = Hostile.check(root);

        assertEquals(Main.FINDINGS, twice.code(), twice.err());
        Hostile.assertNoLeaks(twice);
        // the same findings, with the same figures: USD 27.3B of debt, not 54.6B
        assertEquals(once.json().path("findings").size(), twice.json().path("findings").size());
        String spv = atStake(twice.json(), "SPV-001").toString();
        assertTrue(spv.contains("27.3B") && !spv.contains("54.6B"), spv);
        assertTrue(!twice.everything().contains("54.6B"), "a doubled amount is reported");
        JsonNode in = twice.json().path("inputs");
        assertEquals(22, in.path("factsRead").asInt());
        assertEquals(22, in.path("facts").asInt());
        assertEquals(0, in.path("rejected").asInt());
        assertEquals(11, in.path("merged").asInt());
        Hostile.assertReconciled(twice.json());
        JsonNode notices = twice.json().path("notices");
        assertEquals(11, notices.size(), notices.toPrettyString());
        assertTrue(notices.toString().contains("the same financing (borrower 'beignet', kind 'bond') as at in/meta (1).json:13; counted once"),
                notices.toPrettyString());
        assertTrue(twice.reports().get("text").contains("in/meta.json:13: the same financing"), twice.reports().get("text"));
        assertTrue(twice.reports().get("text").contains("22 facts read, 22 loaded, 0 rejected, 11 duplicates counted once"));
    }

    @Test
    void aConflictingDuplicateIsAnErrorNamingBothPlacesAndExitsFive() throws Exception {
        Hostile.caseFolder(root);
        Hostile.write(root, "in/schedule.json", "{\"source\": \"debt schedule\", \"financings\": [\n"
                + "  {\"borrower\": \"beignet\", \"kind\": \"bond\", \"amount\": \"USD 30B\", \"rate\": \"6.58%\", \"maturity\": \"2049\"}]}");
        Hostile.Run r = Hostile.check(root);

        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        Hostile.assertNoLeaks(r);
        Hostile.assertErrors(r, List.of("in/schedule.json:2: field 'amount': duplicate financing (borrower 'beignet', kind 'bond'): "
                + "the same key as at in/meta.json:13 but different amount ('USD 27.3B' there, 'USD 30B' here); this one is rejected*"));
        Hostile.assertReconciled(r.json());
        Hostile.assertEveryRejectionListed(r.json());
        Hostile.assertGoodFindingReported(r);
        String all = r.everything();
        assertTrue(!all.contains("57.3B") && !all.contains("30B of debt"), "the rejected amount was counted");
    }

    @Test
    void factsThatDifferOnlyInTheirSourceWordingAreTheSameFact() {
        TestFiles.write(root, "a.json", "{\"source\": \"10-K p. 5\", \"entities\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": \"company\"}],"
                + " \"financings\": [{\"id\": \"n1\", \"borrower\": \"x\", \"amount\": \"USD 1B\"}]}");
        TestFiles.write(root, "b.csv", "id,borrower,amount,currency,source\nn1,X,1B,USD,press release\n");
        // b.csv is a financings table only by its name
        TestFiles.write(root, "b.financings.csv", TestFiles.read(root.resolve("b.csv")));
        org.offbook.load.LoadResult r = org.offbook.load.FolderLoader.load(List.of(root.resolve("a.json"), root.resolve("b.financings.csv")));
        assertEquals(List.of(), r.errors());
        assertEquals(2, r.facts().size());
        assertEquals(1, r.merged());
        assertEquals(3, r.factsLoaded());
        assertEquals(1, r.notices().size(), r.notices().toString());
    }

    @Test
    void aFactToldInPartByTwoFilesIsOneFactWithTheFieldsOfBoth() {
        TestFiles.write(root, "a/entities.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": \"company\"}]}");
        TestFiles.write(root, "a/income.json", "{\"source\": \"10-K income statement\", \"statements\": [\n"
                + "  {\"entity\": \"x\", \"period\": \"FY2025\", \"end\": \"2025-12-31\", \"revenue\": \"USD 10B\"}]}");
        TestFiles.write(root, "a/notes.json", "{\"source\": \"10-K note 9\", \"statements\": [\n"
                + "  {\"entity\": \"x\", \"period\": \"FY2025\", \"end\": \"2025-12-31\", \"revenue\": \"USD 10B\", \"interestExpense\": \"USD 1B\"}]}");
        org.offbook.load.LoadResult r = org.offbook.load.FolderLoader.load(List.of(root.resolve("a")));
        assertEquals(List.of(), r.errors());
        List<org.offbook.model.Statement> st = r.facts().stream().filter(f -> f instanceof org.offbook.model.Statement)
                .map(f -> (org.offbook.model.Statement) f).toList();
        assertEquals(1, st.size(), st.toString());
        assertTrue(st.get(0).revenue() != null && st.get(0).interestExpense() != null, st.toString());
        assertTrue(r.notices().toString().contains("counted once, with interestExpense from here"), r.notices().toString());
        assertEquals(r.factsRead(), r.factsLoaded() + r.factsRejected());
    }
}
