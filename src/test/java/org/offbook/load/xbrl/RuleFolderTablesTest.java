package org.offbook.load.xbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadResult;
import org.offbook.model.Disclosure;
import org.offbook.model.Problem;
import org.offbook.model.ProgressListener;

/**
 * The XBRL disclosure table is found as the SEC concept table is: in the rule folders of the run
 * ({@code --rules}), not in the working folder, with the built-in copy as the fallback; a bad row
 * of the table a user edited is reported with that file and line.
 */
class RuleFolderTablesTest {

    @TempDir
    Path dir;

    @Test
    void theDisclosureTableOfTheRuleFoldersGivenIsReadAndItsBadRowNamesFileAndLine() {
        Path rules = dir.resolve("my-rules");
        TestFiles.write(rules, DisclosureMap.FILE, """
                id,kind,precedence,concept,members,cik,qualifier,note
                my-meta-lnc,leases-not-commenced,1,us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount,,1326801,,mine
                bad-row,no-such-kind,1,us-gaap:Revenues,,,,
                """);
        LoadResult r = FolderLoader.load(List.of(TestFiles.project(XbrlSamplesTest.DIR + XbrlSamplesTest.META)), false, List.of(rules),
                ProgressListener.NONE);
        String table = rules.resolve(DisclosureMap.FILE).toString().replace('\\', '/');
        List<Problem> errors = r.errors().stream().filter(e -> e.file().equals(table)).toList();
        assertEquals(1, errors.size(), r.errors().toString());
        assertEquals(3, errors.get(0).line(), errors.toString());
        assertEquals("kind", errors.get(0).field(), errors.toString());
        Disclosure d = r.facts().stream().filter(Disclosure.class::isInstance).map(Disclosure.class::cast)
                .filter(x -> x.kind().equals("leases-not-commenced")).findFirst().orElseThrow();
        assertEquals("my-meta-lnc", d.mapping());
        assertTrue(d.source().contains("mapped by " + table + ":2 (my-meta-lnc)"), d.source());
    }

    @Test
    void ruleFoldersWithoutATableUseTheBuiltInOneNeverTheWorkingFolders() {
        assertEquals("built-in " + DisclosureMap.FILE, DisclosureMap.load(List.of(dir.resolve("empty")), new ArrayList<>()).file());
        Path rules = dir.resolve("second");
        TestFiles.write(rules, DisclosureMap.FILE, "id,kind,precedence,concept,members,cik,qualifier,note\n");
        // the first rule folder that has a table wins
        assertEquals(rules.resolve(DisclosureMap.FILE).toString(),
                DisclosureMap.load(List.of(dir.resolve("empty"), rules), new ArrayList<>()).file());
    }
}
