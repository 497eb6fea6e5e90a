package org.offbook.prepare.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.load.FolderLoader;
import org.offbook.model.Fact;
import org.offbook.model.Money;

/** The credit view of the five companies of issue 17 on filings/: every figure a reviewer can recompute from the evidence. */
class CreditViewTest {

    private static CreditView view;

    @BeforeAll
    static void load() {
        List<Fact> facts = FolderLoader.load(List.of(TestFiles.project("filings"))).facts();
        view = new CreditView(facts);
    }

    private static Money usd(String text) {
        return Money.parse("USD " + text, null);
    }

    private static List<Credit.Adjustment> tier(Credit c, String tier) {
        return c.adjustments().stream().filter(a -> a.tier().equals(tier)).toList();
    }

    private static String files(List<org.offbook.model.Provenance> ps) {
        return String.join(", ", ps.stream().map(p -> p.file().substring(p.file().indexOf("filings/")) + ":" + p.line()).toList());
    }

    @Test
    void metaConsolidatesBeignetOnTopOfItsReportedDebtAndLeases() {
        Credit meta = view.of("meta");
        assertEquals(usd("28826M"), meta.reportedDebt());
        assertEquals("2024-12-31", meta.asOf().toString());
        assertEquals(List.of(usd("20234M"), usd("709M")), tier(meta, Credit.RECOGNISED).stream().map(Credit.Adjustment::amount).toList());
        Credit.Adjustment beignet = tier(meta, Credit.CONSOLIDATE).get(0);
        assertEquals(usd("27.3B"), beignet.amount());
        assertTrue(beignet.description().contains("only lessee, holds 20% (non-marketable), residual value guarantee over 16 years, cap not given, "
                + "construction manager, property manager"), beignet.description());
        assertTrue(beignet.description().contains("nothing is deducted"), "the lease is not in the 2024 lease liabilities: said, not assumed");
        assertEquals("filings/meta/hyperion-beignet.json:6, filings/meta/hyperion-beignet.json:22, filings/meta/hyperion-beignet.json:47, "
                + "filings/meta/hyperion-beignet.json:62, filings/meta/hyperion-beignet.json:68", files(beignet.evidence()));
        // 28,826 + 20,234 + 709 + 27,300 = 77,069 (USD millions)
        assertEquals(usd("77069M"), meta.adjustedDebt());
        assertTrue(meta.complete());
        // the memo items are shown and never added: leases not commenced, Meta's own VIE exposure (the consolidation carries it)
        assertEquals(List.of(usd("34.12B"), usd("5.8B")), tier(meta, Credit.MEMO).stream().map(Credit.Adjustment::amount).toList());
        assertEquals(meta.adjustedDebt(), meta.adjustedDebtIfCalled());
        // EBITDA FY2024 = 69,380 + 15,498 = 84,878; 77,069 / 84,878 = 0.908; 84,878 / 683 = 124.272; 69,380 / 683 = 101.581
        assertEquals(usd("84878M"), meta.earnings().ebitda());
        assertEquals(new BigDecimal("0.91"), meta.debtToEbitda());
        assertEquals(new BigDecimal("124.27"), meta.ebitdaToInterest());
        assertEquals(new BigDecimal("101.58"), meta.ebitToInterest());
    }

    @Test
    void oracleKeepsTheVantageDebtAsAMemoAndNamesWhatIsMissing() {
        Credit oracle = view.of("oracle");
        assertNull(oracle.reportedDebt());
        assertNull(oracle.adjustedDebt(), "nothing known to add: no silent zero");
        assertFalse(oracle.complete());
        assertTrue(tier(oracle, Credit.CONSOLIDATE).isEmpty(), "Vantage holds the power roles and Oracle no variable interest beyond the lease");
        assertEquals(List.of(usd("23.25B"), usd("14.75B")), tier(oracle, Credit.MEMO).stream()
                .filter(a -> a.kind().equals("vehicle debt serviced by its rent")).map(Credit.Adjustment::amount).toList());
        assertTrue(oracle.missing().stream().anyMatch(m -> m.startsWith("reported debt")), oracle.missing().toString());
        assertTrue(oracle.missing().stream().anyMatch(m -> m.startsWith("lease payments or lease liability of oracle-vantage-texas-lease")));
        assertTrue(oracle.missing().stream().anyMatch(m -> m.startsWith("EBITDA")));
        assertNull(oracle.debtToEbitda());
        assertEquals(usd("57.4B"), oracle.obligations().revenue());
    }

    @Test
    void xaiConsolidatesValorAndSaysItsOwnDebtIsNotGiven() {
        Credit xai = view.of("xai");
        Credit.Adjustment valor = tier(xai, Credit.CONSOLIDATE).get(0);
        assertEquals(usd("12.5B"), valor.amount());
        assertTrue(valor.description().contains("only lessee, purchase option on the leased asset"), valor.description());
        assertEquals(usd("12.5B"), xai.adjustedDebt());
        assertFalse(xai.complete(), "xAI's own debt is not given: 12.5B is a floor");
        assertTrue(xai.missing().stream().anyMatch(m -> m.startsWith("reported debt")));
        assertNull(xai.ebitdaToInterest());
    }

    @Test
    void coreweaveHasDebtAndInterestButNoEbitdaWithoutDepreciation() {
        Credit cw = view.of("coreweave");
        assertEquals(usd("21.4B"), cw.reportedDebt());
        assertEquals(usd("21.4B"), cw.adjustedDebt());
        assertFalse(cw.complete(), "its lease liabilities are not given");
        assertNull(cw.earnings().ebitda());
        assertTrue(cw.missing().contains("EBITDA: depreciation and amortisation for FY2025 not given (operating income USD -46M)"), cw.missing().toString());
        // -46 / 1,148 = -0.040
        assertEquals(new BigDecimal("-0.04"), cw.ebitToInterest());
        assertNull(cw.debtToEbitda());
        // 21.4 / 5.131 = 4.171
        assertEquals(new BigDecimal("4.17"), cw.obligations().bindingToRevenue());
    }

    @Test
    void openAiBindingCommitmentsApartFromNonBindingAndPressReported() {
        Credit openai = view.of("openai");
        Credit.Obligations o = openai.obligations();
        assertEquals(usd("288B"), o.bindingTotal(), "USD 250B Azure + USD 38B AWS (AMD's amount not given)");
        assertEquals(usd("300B"), o.apartTotal(), "Oracle's press-reported USD 300B, apart");
        assertNull(o.revenue());
        assertNull(o.bindingToRevenue());
        assertTrue(o.missing().stream().anyMatch(m -> m.startsWith("revenue")), o.missing().toString());
        assertTrue(o.missing().stream().anyMatch(m -> m.startsWith("amount of the binding purchase from Advanced Micro Devices")));
        assertTrue(tier(openai, Credit.PROBABLE).isEmpty() && tier(openai, Credit.CONSOLIDATE).isEmpty());
        assertNull(openai.adjustedDebt());
        assertEquals(4, openai.cycles().size());
        assertTrue(openai.cycles().stream().allMatch(c -> c.bottleneck() == null), "every cycle has a link without an amount");
    }

    @Test
    void recycledRevenueAndGuaranteesOfTheSuppliers() {
        Credit nvidia = view.of("nvidia");
        assertEquals(usd("6.3B"), tier(nvidia, Credit.PROBABLE).get(0).amount());
        Credit.Recycled valor = nvidia.recycled().stream().filter(r -> r.customer().equals("valor-compute")).findFirst().orElseThrow();
        assertEquals(usd("2B"), valor.funding());
        assertNull(valor.share(), "the vehicle's GPU purchases carry no amount");
        Credit.Recycled openai = nvidia.recycled().stream().filter(r -> r.customer().equals("openai")).findFirst().orElseThrow();
        assertNull(openai.funding());
        assertEquals(usd("100B"), openai.fundingNotBinding());
        Credit google = view.of("google");
        assertEquals(usd("4.6B"), google.adjustedDebtIfCalled());
    }

    @Test
    void bottleneckAndTimelineFromAmountsOnEveryLink(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("loop.json"), """
                {
                  "source": "test",
                  "entities": [
                    {"id": "chip", "name": "Chip Co", "kind": "company"},
                    {"id": "lab", "name": "Lab Co", "kind": "company"}
                  ],
                  "investments": [{"investor": "chip", "investee": "lab", "amount": "USD 10B", "form": "equity", "status": "completed"}],
                  "contracts": [{"buyer": "lab", "seller": "chip", "amount": "USD 4B", "status": "definitive", "start": "2026-01-01", "termYears": 2}],
                  "statements": [{"entity": "lab", "period": "FY2025", "start": "2025-01-01", "end": "2025-12-31", "revenue": "USD 1B",
                    "operatingIncome": "USD -1B", "depreciationAmortization": "USD 300M", "interestExpense": "USD 0"}]
                }
                """);
        CreditView v = new CreditView(FolderLoader.load(List.of(dir)).facts());
        Credit lab = v.of("lab");
        assertEquals(usd("4B"), lab.cycles().get(0).bottleneck());
        assertEquals(List.of(new Credit.YearAmount(2026, usd("2B")), new Credit.YearAmount(2027, usd("2B"))), lab.obligations().byYear());
        assertEquals(new BigDecimal("4.00"), lab.obligations().bindingToRevenue());
        assertTrue(lab.missing().contains("interest cover: interest expense is zero, no ratio"), lab.missing().toString());
        assertNull(lab.ebitdaToInterest());
        Credit.Recycled r = v.of("chip").recycled().get(0);
        // Chip funds USD 10B against USD 4B of purchases: 250%
        assertEquals(new BigDecimal("2.50"), r.share());
        assertEquals(2027, v.timeline().get(0).year());
    }
}
