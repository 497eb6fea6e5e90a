package org.offbook.load.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.offbook.load.sec.Sec.usd;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Entity;
import org.offbook.model.Statement;
import org.offbook.load.LoadResult;

/** SEC filers link to the entities of deal-term files by CIK (leading zeros ignored) or by name; otherwise they become entities. */
class LinkingTest {

    @TempDir
    Path dir;

    private void msft() {
        TestFiles.write(dir, "sec/msft.json", TestFiles.read(Sec.sample("companyfacts/microsoft_recast_companyfacts.json")));
    }

    @Test
    void aZeroPaddedCikLinksTheFilerToTheDealFileEntity() {
        msft();
        TestFiles.write(dir, "entities.json", """
                {"source": "test", "entities": [
                  {"id": "msft", "name": "Microsoft Corporation", "kind": "company", "aliases": ["Microsoft"], "cik": "0000789019"}
                ]}
                """);
        LoadResult r = Sec.load(dir);
        Sec.noErrors(r);
        Entity e = Sec.only(Sec.entities(r));
        assertEquals("msft", e.id(), "no entity of its own for the filer");
        Statement fy = Sec.statement(r, "msft", "2021-07-01", "2022-06-30");
        assertEquals(usd("198270000000"), fy.revenue());
        assertTrue(Sec.statements(r).stream().allMatch(s -> s.entity().equals("msft")));
        assertEquals(4, r.factsRead());
        assertEquals(4, r.factsLoaded());
    }

    @Test
    void aNameOrAliasLinksAnEntityWithoutCik() {
        msft();
        TestFiles.write(dir, "entities.csv", "id,name,kind,aliases,source\nmicrosoft,Microsoft,company,Microsoft Corporation;MSFT,test\n");
        LoadResult r = Sec.load(dir);
        Sec.noErrors(r);
        assertEquals(List.of("microsoft"), Sec.entities(r).stream().map(Entity::id).toList());
        assertTrue(Sec.statements(r).stream().allMatch(s -> s.entity().equals("microsoft")));
    }

    @Test
    void aSameNamedEntityWithAnotherCikIsNotLinked() {
        msft();
        TestFiles.write(dir, "entities.json", """
                {"source": "test", "entities": [
                  {"id": "other", "name": "Microsoft Corporation", "kind": "company", "cik": "1234"}
                ]}
                """);
        LoadResult r = Sec.load(dir);
        Sec.noErrors(r);
        assertEquals(List.of("cik-789019", "other"), Sec.entities(r).stream().map(Entity::id).sorted().toList());
        assertTrue(Sec.statements(r).stream().allMatch(s -> s.entity().equals("cik-789019")));
    }

    @Test
    void aFilerWithoutEntityBecomesACompanyThatDealFilesCanName() {
        TestFiles.copyTree(Sec.sample("fsds-2010q2-valero"), dir.resolve("sec"));
        // a deal file naming the SEC entity by the id offbook gives it
        TestFiles.write(dir, "deal.json", """
                {"source": "test", "entities": [{"id": "lender", "name": "A Bank", "kind": "bank"}],
                 "financings": [{"borrower": "cik-1035002", "lenders": ["lender"], "kind": "loan", "amount": "USD 1B"}]}
                """);
        LoadResult r = Sec.load(dir);
        Sec.noErrors(r);
        Entity valero = Sec.entities(r).stream().filter(e -> e.id().equals("cik-1035002")).findFirst().orElseThrow();
        assertEquals("VALERO ENERGY CORP/TX", valero.name());
        assertEquals("company", valero.kind());
        assertEquals("1035002", valero.cik());
        assertTrue(valero.source().contains("accn 0000950123-10-046222"), valero.source());
    }
}
