package org.offbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.FileStats;
import org.offbook.model.Financing;
import org.offbook.model.Lease;
import org.offbook.model.Problem;
import org.offbook.model.Money;
import org.offbook.model.Stake;

/** The JSON and CSV loaders: typed values, provenance, and a clear line for each bad value. */
class LoadersTest {

    @TempDir
    Path dir;

    private static final String ENTITIES = """
            {
              "source": "test",
              "entities": [
                {"id": "meta", "name": "Meta Platforms, Inc.", "kind": "company", "aliases": ["Meta", "Facebook"]},
                {"id": "beignet", "name": "Beignet Investor LLC", "kind": "spv"}
              ]
            }
            """;

    private LoadResult load() {
        return FolderLoader.load(List.of(dir));
    }

    private static String messages(LoadResult r) {
        return r.errors().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void jsonFactsKeepFileAndLineAndTypedValues() {
        TestFiles.write(dir, "entities.json", ENTITIES);
        TestFiles.write(dir, "meta/deal.json", """
                {
                  "source": "Meta 10-Q Q3 2025",
                  "stakes": [
                    {
                      "holder": "meta",
                      "entity": "beignet",
                      "share": "20%",
                      "asOf": "2025-10"
                    }
                  ],
                  "financings": [
                    {"borrower": "beignet", "kind": "bond", "amount": "USD 27.3B", "maturity": "2049", "source": "Bloomberg"}
                  ]
                }
                """);
        LoadResult r = load();
        assertEquals(List.of(), r.errors(), messages(r));
        Stake stake = (Stake) r.facts().stream().filter(f -> f instanceof Stake).findFirst().orElseThrow();
        String file = FolderLoader.display(dir.resolve("meta/deal.json"));
        assertEquals(file, stake.provenance().file());
        assertEquals(4, stake.provenance().line());
        assertEquals(new BigDecimal("0.2"), stake.share());
        assertEquals(LocalDate.of(2025, 10, 31), stake.asOf());
        assertEquals("Meta 10-Q Q3 2025", stake.source(), "document source is the default");
        Financing bond = (Financing) r.facts().stream().filter(f -> f instanceof Financing).findFirst().orElseThrow();
        assertEquals(Money.parse("USD 27300000000", null), bond.amount());
        assertEquals(LocalDate.of(2049, 12, 31), bond.maturity());
        assertEquals("Bloomberg", bond.source(), "a fact's own source wins");
        assertEquals(12, bond.provenance().line());
        assertEquals(4, r.factsRead());
        assertEquals(4, r.factsLoaded());
    }

    @Test
    void aliasesResolveToIdsWithoutRegardToCase() {
        TestFiles.write(dir, "entities.json", ENTITIES);
        TestFiles.write(dir, "lease.json", """
                {"source": "s", "leases": [{"lessee": "FACEBOOK", "lessor": "beignet", "termYears": 4}]}
                """);
        LoadResult r = load();
        assertEquals(List.of(), r.errors(), messages(r));
        Lease lease = (Lease) r.facts().stream().filter(f -> f instanceof Lease).findFirst().orElseThrow();
        assertEquals("meta", lease.lessee());
    }

    @Test
    void csvColumnsByHeaderNameInAnyOrderWithQuotedNewlines() {
        TestFiles.write(dir, "entities.json", ENTITIES);
        TestFiles.write(dir, "tables/meta.leases.csv", "\uFEFFsource,lessor,lessee,asset,termYears,booking\n"
                + "\"Meta 10-Q, VIE note\",beignet,meta,\"Hyperion\ncampus\",4,operating\n"
                + "s2,beignet,Meta,Other,5,finance\n");
        LoadResult r = load();
        assertEquals(List.of(), r.errors(), messages(r));
        List<Lease> leases = r.facts().stream().filter(f -> f instanceof Lease).map(f -> (Lease) f).toList();
        assertEquals(2, leases.size());
        assertEquals("Meta 10-Q, VIE note", leases.get(0).source());
        assertEquals("Hyperion\ncampus", leases.get(0).asset());
        assertEquals(2, leases.get(0).provenance().line());
        assertEquals(4, leases.get(1).provenance().line(), "the quoted newline moves the next row to line 4");
        assertEquals("meta", leases.get(1).lessee());
    }

    @Test
    void csvListsAreSemicolonSeparated() {
        TestFiles.write(dir, "entities.csv", "id,name,kind,aliases,source\nmeta,Meta Platforms,company,Meta; Facebook,test\n");
        LoadResult r = load();
        assertEquals(List.of(), r.errors(), messages(r));
        Entity meta = assertInstanceOf(Entity.class, r.facts().get(0));
        assertEquals(List.of("Meta", "Facebook"), meta.aliases());
    }

    @Test
    void eachBadValueNamesFileLineAndFieldAndRejectsOnlyItsFact() {
        TestFiles.write(dir, "entities.json", ENTITIES);
        TestFiles.write(dir, "bad.json", """
                {
                  "source": "s",
                  "stakes": [
                    {"holder": "meta", "entity": "beignet", "share": 1.5},
                    {"holder": "meta", "entity": "beignet", "share": "abc"},
                    {"holder": "meta", "entity": "nobody", "share": 0.1},
                    {"holder": "meta", "entity": "beignet", "share": 0.2, "booking": "hidden"},
                    {"holder": "meta", "entity": "beignet", "share": 0.3}
                  ],
                  "leases": [
                    {"lesee": "meta", "lessor": "beignet",
                     "termYears": -1}
                  ],
                  "financings": [
                    {"borrower": "beignet", "amount": "XYZ 5", "start": "2025-13-01"},
                    {"borrower": "beignet", "amount": "5B"}
                  ]
                }
                """);
        LoadResult r = load();
        String f = FolderLoader.display(dir.resolve("bad.json"));
        String all = messages(r);
        assertTrue(all.contains(f + ":4: field 'share': a share must be between 0 and 1"), all);
        assertTrue(all.contains(f + ":5: field 'share': expected a number, found 'abc'"), all);
        assertTrue(all.contains(f + ":6: field 'entity': unknown entity 'nobody'"), all);
        assertTrue(all.contains(f + ":7: field 'booking': 'hidden' is not one of consolidated"), all);
        assertTrue(all.contains(f + ":11: field 'lesee': unknown field for leases (did you mean 'lessee'?)"), all);
        assertTrue(all.contains(f + ":11: field 'lessee': missing: required for leases"), all);
        assertTrue(all.contains(f + ":12: field 'termYears': cannot be negative: -1"), all);
        assertTrue(all.contains(f + ":15: field 'amount': unknown currency code 'XYZ'"), all);
        assertTrue(all.contains(f + ":15: field 'start': expected a date like 2025-12-31"), all);
        assertTrue(all.contains(f + ":16: field 'amount': amount '5B' has no currency code"), all);
        // the good stake at line 8 is still loaded; the counts reconcile
        assertEquals(1, r.facts().stream().filter(x -> x instanceof Stake).count());
        FileStats stats = r.files().stream().filter(s -> s.file().equals(f)).findFirst().orElseThrow();
        assertEquals(8, stats.read());
        assertEquals(1, stats.loaded());
        assertEquals(7, stats.rejected());
        assertEquals(r.factsRead(), r.factsLoaded() + r.factsRejected());
    }

    @Test
    void malformedJsonNamesLineAndColumnAndOtherFilesStillLoad() {
        TestFiles.write(dir, "entities.json", ENTITIES);
        TestFiles.write(dir, "broken.json", "{\n  \"stakes\": [\n    {\"holder\": \"meta\",}\n  ]\n}\n");
        LoadResult r = load();
        assertEquals(1, r.errors().size(), messages(r));
        Problem e = r.errors().get(0);
        assertEquals(3, e.line());
        assertTrue(e.column() > 0);
        assertTrue(e.message().startsWith("malformed JSON"), e.message());
        assertEquals(2, r.factsLoaded(), "entities.json still loaded");
    }

    @Test
    void missingSourceIsAnError() {
        TestFiles.write(dir, "e.json", "{\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}]}");
        LoadResult r = load();
        assertTrue(messages(r).contains(":1: field 'source': missing: every fact names its source"), messages(r));
    }

    @Test
    void notesAndCustomFieldsAreAllowedUnknownTopLevelKeysAreNot() {
        TestFiles.write(dir, "e.json", """
                {"source": "s", "title": "t", "x-origin": {"a": 1}, "entitys": [],
                 "entities": [{"id": "a", "name": "A", "kind": "company", "note": "n", "x-ticker": "AAA"}]}
                """);
        LoadResult r = load();
        assertEquals(1, r.errors().size(), messages(r));
        assertTrue(messages(r).contains("field 'entitys': unknown top-level key (did you mean 'entities'?)"), messages(r));
        assertEquals(1, r.factsLoaded());
    }

    @Test
    void csvUnknownColumnRejectsTheTableWithASuggestion() {
        TestFiles.write(dir, "entities.json", ENTITIES);
        TestFiles.write(dir, "stakes.csv", "holder,entty,share,source\nmeta,beignet,0.2,s\n");
        LoadResult r = load();
        assertTrue(messages(r).contains("stakes.csv:1: field 'entty': unknown column for stakes (did you mean 'entity'?)"), messages(r));
        assertEquals(2, r.factsLoaded());
    }

    @Test
    void csvWrongCellCountAndNonUtf8AreReported() throws Exception {
        TestFiles.write(dir, "entities.json", ENTITIES);
        TestFiles.write(dir, "stakes.csv", "holder,entity,share,source\nmeta,beignet,0.2\nmeta,beignet,0.3,s\n");
        Files.write(dir.resolve("x.roles.csv"), new byte[] {'e', 'n', 't', 'i', 't', 'y', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        LoadResult r = load();
        String all = messages(r);
        assertTrue(all.contains("stakes.csv:2: row has 3 cells, the header has 4"), all);
        assertTrue(all.contains("x.roles.csv") && all.contains("not valid UTF-8"), all);
        assertEquals(1, r.facts().stream().filter(x -> x instanceof Stake).count());
    }

    @Test
    void csvNamedAfterNoFactTypeIsReported() {
        TestFiles.write(dir, "misc.csv", "a,b\n1,2\n");
        LoadResult r = load();
        assertTrue(messages(r).contains("misc.csv: cannot tell the fact type from the file name"), messages(r));
    }

    @Test
    void folderWalkIsSortedRecursiveAndListsSkippedFiles() {
        TestFiles.write(dir, "b/two.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"b\", \"name\": \"B\", \"kind\": \"company\"}]}");
        TestFiles.write(dir, "a/one.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\"}]}");
        TestFiles.write(dir, "README.md", "# notes");
        TestFiles.write(dir, ".hidden/x.json", "not json");
        LoadResult r = load();
        assertEquals(List.of(), r.errors(), messages(r));
        assertEquals(List.of("a", "b"), r.facts().stream().map(f -> ((Entity) f).id()).toList());
        assertEquals(List.of(FolderLoader.display(dir.resolve("README.md"))), r.skipped());
    }

    @Test
    void entityDefinedTwiceIdenticallyIsMergedDifferentlyIsRejected() {
        TestFiles.write(dir, "a.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": \"company\"}]}");
        TestFiles.write(dir, "b.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": \"company\"}]}");
        TestFiles.write(dir, "c.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"x\", \"name\": \"Other\", \"kind\": \"bank\"}]}");
        LoadResult r = load();
        assertEquals(1, r.errors().size(), messages(r));
        assertTrue(messages(r).contains("c.json:1: field 'id': entity 'x' is already defined differently"), messages(r));
        List<Fact> xs = r.facts();
        assertEquals(1, xs.size(), "merged, not duplicated in the session");
        assertEquals(List.of(1, 1, 0), r.files().stream().map(FileStats::loaded).toList(),
                "the identical copy counts as loaded by its file; the conflicting one as rejected");
    }

    @Test
    void missingPathIsReported() {
        LoadResult r = FolderLoader.load(List.of(dir.resolve("nope")));
        assertTrue(messages(r).contains("nope: no such file or folder"), messages(r));
    }

    @Test
    void idsDifferingOnlyInCaseAreOneIdAndTheSecondDefinitionIsRejected() {
        TestFiles.write(dir, "a.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"meta\", \"name\": \"Meta\", \"kind\": \"company\"}]}");
        TestFiles.write(dir, "b.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"META\", \"name\": \"Another Meta\", \"kind\": \"company\"}],"
                + " \"stakes\": [{\"holder\": \"meta\", \"entity\": \"META\", \"share\": 0.1}]}");
        LoadResult r = load();
        assertTrue(messages(r).contains("b.json:1: field 'id': entity id 'META' differs only in case from 'meta'"), messages(r));
        Stake stake = (Stake) r.facts().stream().filter(f -> f instanceof Stake).findFirst().orElseThrow();
        assertEquals("meta", stake.entity(), "references still go to the first definition");
    }

    @Test
    void redefinitionWithOtherAliasesOrCikIsAConflictNotASilentMerge() {
        TestFiles.write(dir, "a.json", "{\"source\": \"s\", \"entities\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": \"company\", \"cik\": \"1\"}]}");
        TestFiles.write(dir, "b.json", "{\"source\": \"other\", \"entities\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": \"company\", \"cik\": \"2\"}]}");
        LoadResult r = load();
        assertTrue(messages(r).contains("entity 'x' is already defined differently"), messages(r));
        assertEquals(r.factsRead(), r.factsLoaded() + r.factsRejected());
        assertEquals(1, r.factsRejected());
    }

    @Test
    void theSameFileNamedTwiceIsReadOnce() {
        TestFiles.write(dir, "entities.json", ENTITIES);
        LoadResult r = FolderLoader.load(List.of(dir, dir.resolve("entities.json"), dir.resolve("./entities.json")));
        assertEquals(List.of(), r.errors(), messages(r));
        assertEquals(1, r.files().size());
        assertEquals(2, r.factsLoaded());
    }
}
