package org.offbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.pipeline.Check;
import org.offbook.TestFiles;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.reports.Report;

/** The shipped SPV rules on the Meta / Hyperion case and on variations at their thresholds. */
class SpvRulesTest {

    @TempDir
    Path dir;

    static final String ENTITIES = """
            {"source": "test", "entities": [
              {"id": "meta", "name": "Meta Platforms, Inc.", "kind": "company"},
              {"id": "oracle", "name": "Oracle Corporation", "kind": "company"},
              {"id": "beignet", "name": "Beignet Investor LLC", "kind": "spv"},
              {"id": "blue-owl", "name": "Blue Owl Capital", "kind": "fund"}
            ]}
            """;

    private Report check(String deal) {
        // the fixture defines its own entities; the variations below rely on these
        if (!deal.contains("\"entities\"")) {
            TestFiles.write(dir, "entities.json", ENTITIES);
        }
        TestFiles.write(dir, "deal.json", deal);
        Report r = Check.run(List.of(dir), List.of(TestFiles.project("rules")), RuleRunner.Limits.DEFAULT);
        assertEquals(List.of(), r.errors(), () -> r.errors().toString());
        return r;
    }

    /** The SPV findings (other families run too: this test is about these rules). */
    private static Set<String> fired(Report r) {
        return r.findings().stream().filter(f -> f.family().equals("SPV")).map(f -> f.ruleId() + " " + f.subject()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The Meta / Beignet structure with the stake share, equity and tenants as given. */
    static String hyperion(String share, String equity, String extraLeases, String supports) {
        return """
                {"source": "test",
                 "stakes": [{"holder": "meta", "entity": "beignet", "share": %s}],
                 "financings": [{"borrower": "beignet", "kind": "bond", "amount": "USD 27.3B", "maturity": "2049"}],
                 "statements": [{"entity": "beignet", "end": "2025-10-31", "currency": "USD", "equity": "%s", "totalDebt": "27.3B"}],
                 "leases": [{"lessee": "meta", "lessor": "beignet", "asset": "Hyperion campus", "termYears": 4 %s}%s],
                 "roles": [{"entity": "meta", "target": "beignet", "role": "construction-manager"}]
                }
                """.formatted(share, equity, supports, extraLeases);
    }

    static final String RVG = ", \"residualValueGuarantee\": true, \"rvgYears\": 16";

    @Test
    void metaHyperionFiresSpv001WithTheFiguresAndEvidence() {
        Report r = check(TestFiles.read(TestFiles.fixture("hyperion/meta.json")));
        assertEquals(Set.of("SPV-001 meta", "SPV-002 meta", "SPV-004 meta"), fired(r));
        Finding f = r.findings().stream().filter(x -> x.ruleId().equals("SPV-001")).findFirst().orElseThrow();
        assertEquals("high", f.severity().label());
        assertEquals("USD 27.3B", f.amount().display());
        assertEquals(List.of("meta", "beignet"), f.entities());
        for (String figure : List.of("holds 20% of Beignet Investor LLC", "owes USD 27.3B",
                "residual value guarantee covering the first 16 years (cap not disclosed)", "construction manager",
                "property manager", "ASC 810-10-25-38A")) {
            assertTrue(f.explanation().contains(figure), () -> figure + " missing from: " + f.explanation());
        }
        assertTrue(f.procedure().contains("primary-beneficiary analysis"), f.procedure());
        Set<String> lines = f.evidence().stream().filter(e -> e.file().endsWith("deal.json"))
                .map(e -> e.line() + " " + e.type()).collect(Collectors.toSet());
        assertEquals(Set.of("4 entity", "5 entity", "9 stake", "13 financing", "20 lease", "23 role", "24 role"), lines);
        assertTrue(f.explanation().contains("owes USD 27.3B (latest maturity 2049)"), f.explanation());
        assertTrue(f.evidence().stream().map(Evidence::fact).anyMatch(s -> s.equals("spv.stake.max = 0.5")));

        Finding thin = r.findings().stream().filter(x -> x.ruleId().equals("SPV-002")).findFirst().orElseThrow();
        assertTrue(thin.explanation().contains("equity at risk is 8.4% of total funding, below the 10% heuristic"), thin.explanation());
        Finding vie = r.findings().stream().filter(x -> x.ruleId().equals("SPV-004")).findFirst().orElseThrow();
        assertTrue(vie.explanation().contains("USD 5.8B") && vie.explanation().contains("21.2% of the USD 27.3B"), vie.explanation());
    }

    @Test
    void aStakeAtHalfIsMinorityJustAboveIsNot() {
        assertTrue(fired(check(hyperion("0.5", "2.5B", "", RVG))).contains("SPV-001 meta"));
        assertTrue(!fired(check(hyperion("0.51", "2.5B", "", RVG))).contains("SPV-001 meta"));
    }

    @Test
    void anotherTenantMeansNotTheSoleTenant() {
        Set<String> f = fired(check(hyperion("0.2", "2.5B", ", {\"lessee\": \"oracle\", \"lessor\": \"beignet\"}", RVG)));
        assertTrue(!f.contains("SPV-001 meta") && !f.contains("SPV-003 oracle"), f.toString());
    }

    @Test
    void equityAtRiskJustBelowTenPercentIsThinAtTenPercentIsNot() {
        // equity / (equity + 27.3B): 3.0333B gives 10.00%, 3.03B gives 9.99%
        assertTrue(fired(check(hyperion("0.2", "3.03B", "", RVG))).contains("SPV-002 meta"));
        assertTrue(!fired(check(hyperion("0.2", "3.0333334B", "", RVG))).contains("SPV-002 meta"));
    }

    @Test
    void aTenantWithNoStakeIsReportedAsDependent() {
        Report r = check("""
                {"source": "test",
                 "financings": [{"borrower": "beignet", "kind": "project-loan", "amount": "USD 23.25B", "termYears": 4}],
                 "leases": [{"lessee": "oracle", "lessor": "beignet", "asset": "Stargate campus"}]}
                """);
        assertEquals(Set.of("SPV-003 oracle"), fired(r));
        assertTrue(r.findings().get(0).explanation().contains("holds no equity in Beignet Investor LLC"));
        assertTrue(r.findings().get(0).explanation().contains("USD 23.25B"));
    }

    @Test
    void smallVehicleDebtIsBelowTheMaterialityThreshold() {
        Report r = check(hyperion("0.2", "2.5B", "", RVG).replace("USD 27.3B", "USD 99M"));
        assertTrue(!fired(r).contains("SPV-001 meta"), fired(r).toString());
    }

    @Test
    void fingerprintsDoNotDependOnPathsOrLines(@TempDir Path other) {
        String deal = TestFiles.read(TestFiles.fixture("hyperion/meta.json"));
        List<String> first = check(deal).findings().stream().map(Finding::fingerprint).toList();
        assertTrue(first.size() >= 3);
        TestFiles.write(other, "elsewhere/moved.json", "\n\n" + deal);
        Report moved = Check.run(List.of(other), List.of(TestFiles.project("rules")), RuleRunner.Limits.DEFAULT);
        assertEquals(first, moved.findings().stream().map(Finding::fingerprint).toList());
    }
}
