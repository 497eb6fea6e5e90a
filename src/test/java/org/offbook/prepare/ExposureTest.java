package org.offbook.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.load.FolderLoader;
import org.offbook.model.Fact;
import org.offbook.model.Money;

/** offbook exposure on filings/: each underlying obligation counted once (issue 17). */
class ExposureTest {

    private static List<Fact> filings() {
        return FolderLoader.load(List.of(TestFiles.project("filings"))).facts();
    }

    private static Exposure.Result of(String entity) {
        return Exposure.analyse(filings(), entity, Exposure.Onward.DEFAULT);
    }

    private static List<Exposure.Item> itemsOf(Exposure.Result r, String party) {
        return r.items().stream().filter(i -> i.party().equals(party)).toList();
    }

    @Test
    void aSyndicateIsOneLossWithItsParticipantsNotTheWholeAmountPerLender() {
        Exposure.Result oracle = of("oracle");
        assertTrue(itemsOf(oracle, "jpmorgan").isEmpty() && itemsOf(oracle, "mufg").isEmpty(), "no lender alone carries the syndicate's amount");
        List<Exposure.Item> loans = itemsOf(oracle, "jpmorgan+mufg");
        assertEquals(List.of("USD 23.25B", "USD 14.75B"), loans.stream().map(i -> i.amount().display()).toList());
        assertEquals(List.of("jpmorgan", "mufg"), loans.get(0).participants());
        assertEquals(List.of("oracle", "vantage-stargate-texas", "jpmorgan+mufg"), loans.get(0).chain());
        assertEquals(List.of("vantage-stargate-texas", "vantage-stargate-wisconsin"), oracle.failing());

        Exposure.Result meta = of("meta");
        assertTrue(itemsOf(meta, "pimco").isEmpty() && itemsOf(meta, "blackrock").isEmpty());
        Exposure.Item bonds = itemsOf(meta, "pimco+blackrock").get(0);
        assertEquals(Money.parse("USD 27.3B", null), bonds.amount());
        assertEquals(List.of("pimco", "blackrock"), bonds.participants());
    }

    @Test
    void theOracleContractAndTheRpoShareDerivedFromItAreOneObligation() {
        Exposure.Result r = of("openai");
        List<Exposure.Item> oracle = itemsOf(r, "oracle");
        assertEquals(1, oracle.size(), oracle.toString());
        assertEquals(Money.parse("USD 300B", null), oracle.get(0).amount());
        assertEquals(Exposure.REPORTED, oracle.get(0).status());
        Set<String> files = oracle.get(0).facts().stream().map(f -> f.provenance().toString()).collect(Collectors.toSet());
        assertEquals(Set.of("filings/oracle/openai-cloud-contract.json:6", "filings/oracle/openai-cloud-contract.json:20"),
                files.stream().map(f -> f.substring(f.indexOf("filings/"))).collect(Collectors.toSet()));
    }

    @Test
    void coreWeavesRevenueFromMicrosoftIsOneRelationshipOverThreeYears() {
        List<Exposure.Item> cw = itemsOf(of("microsoft"), "coreweave");
        assertEquals(1, cw.size(), cw.toString());
        // 67% of FY2025 revenue of USD 5.131B
        assertEquals(0, new BigDecimal("3437770000").compareTo(cw.get(0).amount().amount()));
        assertEquals(3, cw.get(0).facts().size());
        assertTrue(cw.get(0).description().contains("earlier 35% in FY2023, 62% in FY2024"), cw.get(0).description());
    }

    @Test
    void nvidiasLetterOfIntentIsListedApartAndCountsForNothing() {
        Exposure.Result r = of("openai");
        List<Exposure.Item> nvidia = itemsOf(r, "nvidia");
        assertEquals(2, nvidia.size());
        assertTrue(nvidia.stream().noneMatch(Exposure.Item::counted), nvidia.toString());
        assertTrue(nvidia.stream().allMatch(i -> i.status().equals(Exposure.NOT_BINDING)));
        assertFalse(r.failing().contains("nvidia"));
        assertFalse(r.notAssessed().containsKey("nvidia"), "nothing counted, nothing to assess");
    }

    @Test
    void guaranteesAreNettedFromTheGuaranteedPartysLossAndShownAsTheGuarantors() {
        Exposure.Result r = of("fluidstack");
        Exposure.Item terawulf = itemsOf(r, "terawulf").get(0);
        assertEquals(Money.parse("USD 500M", null), terawulf.amount());
        assertEquals(Money.parse("USD 3.7B", null), terawulf.gross());
        Exposure.Item cipher = itemsOf(r, "cipher-mining").get(0);
        assertEquals(Money.parse("USD 1.6B", null), cipher.amount());
        assertEquals(List.of("USD 3.2B", "USD 1.4B"), itemsOf(r, "google").stream().map(i -> i.amount().display()).toList());
        assertEquals(3, itemsOf(r, "google").stream().mapToInt(i -> i.facts().size()).sum(),
                "both TeraWulf tranches and the Cipher backstop are the guarantor's evidence");
    }

    @Test
    void theCascadeFollowsLossAgainstEquityAndCashNotAShareOfRevenue(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("case.json"), """
                {
                  "source": "test",
                  "entities": [
                    {"id": "buyer", "name": "Buyer", "kind": "company"},
                    {"id": "thin", "name": "Thin Supplier", "kind": "company"},
                    {"id": "rich", "name": "Rich Supplier", "kind": "company"},
                    {"id": "unknown", "name": "Unknown Supplier", "kind": "company"},
                    {"id": "next", "name": "Next in Line", "kind": "company"}
                  ],
                  "contracts": [
                    {"buyer": "buyer", "seller": "thin", "amount": "USD 60M", "status": "definitive"},
                    {"buyer": "buyer", "seller": "rich", "amount": "USD 60M", "status": "definitive"},
                    {"buyer": "buyer", "seller": "unknown", "amount": "USD 60M", "status": "definitive"},
                    {"buyer": "thin", "seller": "next", "amount": "USD 5M", "status": "definitive"}
                  ],
                  "statements": [
                    {"entity": "thin", "period": "FY2025", "end": "2025-12-31", "equity": "USD 100M", "cash": "USD 500M"},
                    {"entity": "rich", "period": "FY2025", "start": "2025-01-01", "end": "2025-12-31", "revenue": "USD 100M",
                     "equity": "USD 1B", "cash": "USD 2B"}
                  ]
                }
                """);
        List<Fact> facts = FolderLoader.load(List.of(dir)).facts();
        Exposure.Result r = Exposure.analyse(facts, "buyer", Exposure.Onward.DEFAULT);
        // thin: USD 60M against USD 100M of equity is 60%, above the 50% threshold; rich loses 60% of its revenue and holds
        assertEquals(List.of("thin"), r.failing());
        assertTrue(r.whyFailing().get("thin").contains("equity of USD 100M"), r.whyFailing().toString());
        assertNotNull(r.notAssessed().get("unknown"));
        assertEquals(List.of("buyer", "thin", "next"), itemsOf(r, "next").get(0).chain());
        // the thresholds are the user's: at 70% of equity, thin holds too
        assertEquals(List.of(), Exposure.analyse(facts, "buyer", new Exposure.Onward(3, new BigDecimal("0.7"), BigDecimal.ONE)).failing());
        // and at 10% of cash, both fail through their liquidity
        assertEquals(Set.of("thin"), Set.copyOf(Exposure.analyse(facts, "buyer", new Exposure.Onward(3, BigDecimal.ONE, new BigDecimal("0.1"))).failing()));
        assertEquals(1, Exposure.analyse(facts, "buyer", new Exposure.Onward(1, new BigDecimal("0.5"), BigDecimal.ONE)).items().stream()
                .mapToInt(Exposure.Item::order).max().orElseThrow());
    }
}
