package org.offbook.load.xbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.offbook.TestFiles;
import org.offbook.model.Problem;

/**
 * Values read from the real SEC filings in src/test/resources/sec/ixbrl (see its README), pinned
 * against what the documents show: each figure below was checked by eye in the document.
 */
class XbrlSamplesTest {

    static final String DIR = "src/test/resources/sec/ixbrl/";
    static final String META = "meta-10-k-2025-01-30.html.gz";
    static final String NVDA = "nvda-10-k-2025-02-26.html.gz";
    static final String KO = "ko-10-k-2025-02-20.html.gz";
    static final String TSLA = "tsla-10-k-2025-01-30.html.gz";
    static final String TSLA_Q = "tsla-20240630_htm.xml.gz";

    private static final Map<String, XbrlDocument> DOCS = new HashMap<>();

    static synchronized XbrlDocument doc(String file) {
        return DOCS.computeIfAbsent(file, f -> XbrlReader.read(DIR + f, TestFiles.project(DIR + f), Limits.DEFAULT));
    }

    static XbrlFact one(String file, String qname, String period, String dims) {
        List<XbrlFact> found = doc(file).facts().stream()
                .filter(f -> f.qname().equals(qname) && f.period().equals(period) && f.dimensionsText().equals(dims))
                .collect(Collectors.toList());
        if (found.size() != 1) {
            fail(found.size() + " facts " + qname + " " + period + " [" + dims + "] in " + file);
        }
        return found.get(0);
    }

    static List<XbrlFact> all(String file, Predicate<XbrlFact> p) {
        return doc(file).facts().stream().filter(p).collect(Collectors.toList());
    }

    @Test
    void everySampleIsRecognisedAndReadWithoutAProblem() {
        for (String f : List.of(META, NVDA, KO, TSLA, TSLA_Q)) {
            XbrlDocument d = doc(f);
            assertEquals(f.endsWith(".xml.gz") ? XbrlDocument.Kind.INSTANCE : XbrlDocument.Kind.INLINE,
                    XbrlReader.recognise(TestFiles.project(DIR + f)), f);
            assertEquals("", d.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")), f);
            assertTrue(d.complete(), f);
            assertTrue(d.facts().size() > 1000, f + ": " + d.facts().size());
            assertTrue(d.tagged() >= d.facts().size(), f);
        }
    }

    @Test
    void deiOfEachSample() {
        assertEquals(new Dei("0001326801", "Meta Platforms, Inc.", "10-K", LocalDate.of(2024, 12, 31), 2024, "FY"), doc(META).dei());
        assertEquals(new Dei("0001045810", "NVIDIA CORP", "10-K", LocalDate.of(2025, 1, 26), 2025, "FY"), doc(NVDA).dei());
        assertEquals(new Dei("0000021344", "COCA COLA CO", "10-K", LocalDate.of(2024, 12, 31), 2024, "FY"), doc(KO).dei());
        assertEquals(new Dei("0001318605", "Tesla, Inc.", "10-K", LocalDate.of(2024, 12, 31), 2024, "FY"), doc(TSLA).dei());
        assertEquals(new Dei("0001318605", "Tesla, Inc.", "10-Q", LocalDate.of(2024, 6, 30), 2024, "Q2"), doc(TSLA_Q).dei());
        assertEquals("1326801", doc(META).dei().cikNumber());
    }

    @Test
    void metaLeasesNotYetCommencedScaleNine() {
        XbrlFact f = one(META, "us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount", "2024-12-31", "");
        assertEquals(0, new BigDecimal("34120000000").compareTo(f.value()));
        assertEquals(-7, f.decimals());
        assertEquals("iso4217:USD", f.unit());
        assertEquals("ixt:num-dot-decimal", f.format());
        assertEquals("f-818", f.id());
        assertEquals("http://fasb.org/us-gaap/2024", f.namespace());
        assertEquals(DIR + META, f.provenance().file());
        assertEquals(8, f.provenance().line());
        assertTrue(f.column() > 0);
        assertFalse(f.hidden());
    }

    @Test
    void negativeSign() {
        // shown as "2,893" in millions with sign="-"
        XbrlFact f = one(KO, "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax",
                "2024-01-01..2024-12-31", "");
        assertEquals(0, new BigDecimal("-2893000000").compareTo(f.value()));
    }

    @Test
    void percentageWithScaleMinusTwoAndDimensionedCompanyMember() {
        XbrlFact f = one(NVDA, "us-gaap:ConcentrationRiskPercentage1", "2024-01-29..2025-01-26",
                "srt:MajorCustomersAxis=nvda:CustomerAMember;us-gaap:ConcentrationRiskByBenchmarkAxis=us-gaap:SalesRevenueNetMember;"
                        + "us-gaap:ConcentrationRiskByTypeAxis=us-gaap:CustomerConcentrationRiskMember;"
                        + "us-gaap:StatementBusinessSegmentsAxis=nvda:ComputeAndNetworkingSegmentMember");
        assertEquals(0, new BigDecimal("0.12").compareTo(f.value()));
        assertEquals("xbrli:pure", f.unit());
        assertEquals(new XbrlFact.Member("nvda:CustomerAMember", false), f.member("srt:MajorCustomersAxis"));
        XbrlFact receivables = one(NVDA, "us-gaap:ConcentrationRiskPercentage1", "2024-01-29..2025-01-26",
                "srt:MajorCustomersAxis=nvda:CustomerOneMember;us-gaap:ConcentrationRiskByBenchmarkAxis=us-gaap:AccountsReceivableMember;"
                        + "us-gaap:ConcentrationRiskByTypeAxis=us-gaap:CustomerConcentrationRiskMember");
        assertEquals(0, new BigDecimal("0.17").compareTo(receivables.value()));
        assertEquals(2, receivables.decimals());
    }

    @Test
    void durationInWordsAndInYears() {
        XbrlFact words = one(META, "us-gaap:LesseeOperatingLeaseLeaseNotYetCommencedTermOfContract1", "2024-12-31",
                "srt:RangeAxis=srt:MinimumMember");
        assertEquals("P1Y", words.text());
        assertEquals("ixt-sec:durwordsen", words.format());
        assertEquals(0, BigDecimal.ONE.compareTo(words.years()));
        XbrlFact years = one(NVDA, "us-gaap:LesseeOperatingLeaseLeaseNotYetCommencedTermOfContract1", "2025-01-26",
                "srt:RangeAxis=srt:MaximumMember");
        assertEquals("P15Y6M", years.text());
        assertEquals(0, new BigDecimal("15.5").compareTo(years.years()));
        assertNull(years.value());
        assertFalse(years.numeric());
    }

    @Test
    void companyConcept() {
        XbrlFact f = one(TSLA, "tsla:OperatingLeasesNotYetCommencedValueWithAggregateRentPayments", "2024-12-31", "");
        assertEquals(0, new BigDecimal("1100000000").compareTo(f.value()));
        assertEquals("http://www.tesla.com/20241231", f.namespace());
        assertEquals("tsla", f.prefix());
    }

    @Test
    void hiddenFact() {
        XbrlFact f = one(META, "us-gaap:PropertyPlantAndEquipmentUsefulLife", "2024-12-31",
                "srt:RangeAxis=srt:MinimumMember;us-gaap:PropertyPlantAndEquipmentByTypeAxis=meta:ServersAndNetworkAssetsComponentsStoredBySuppliersMember");
        assertTrue(f.hidden());
        assertEquals("P4Y", f.text());
        XbrlFact subsequent = one(META, "us-gaap:PropertyPlantAndEquipmentUsefulLife", "2025-01-29",
                "us-gaap:PropertyPlantAndEquipmentByTypeAxis=meta:ServersAndNetworkAssetsComponentsStoredBySuppliersMember;"
                        + "us-gaap:SubsequentEventTypeAxis=us-gaap:SubsequentEventMember");
        assertFalse(subsequent.hidden());
        assertEquals(0, new BigDecimal("5.5").compareTo(subsequent.years()));
        // the dei facts sit in ix:hidden too
        assertTrue(all(META, f2 -> f2.localName().equals("EntityCentralIndexKey")).get(0).hidden());
    }

    @Test
    void continuationJoined() {
        XbrlFact f = all(META, x -> "f-37".equals(x.id())).get(0);
        assertEquals("cyd:CybersecurityRiskManagementProcessesForAssessingIdentifyingAndManagingThreatsTextBlock", f.qname());
        assertTrue(f.text().startsWith("At Meta, cybersecurity risk management is an important part"), f.text());
        // this sentence is in ix:continuation f-37-1, not in the fact's own element
        assertTrue(f.text().contains("annual cybersecurity and privacy training for all of our employees"), f.text());
        assertFalse(f.text().contains("<"), "markup stripped");
        assertFalse(f.truncated());
    }

    @Test
    void vieAndGuaranteesOfCocaCola() {
        assertEquals(0, new BigDecimal("1680000000").compareTo(one(KO, "us-gaap:VariableInterestEntityEntityMaximumLossExposureAmount", "2024-12-31",
                "srt:ConsolidatedEntitiesAxis=us-gaap:VariableInterestEntityNotPrimaryBeneficiaryMember").value()));
        assertEquals(0, new BigDecimal("87000000").compareTo(one(KO, "us-gaap:VariableInterestEntityEntityMaximumLossExposureAmount", "2024-12-31",
                "srt:ConsolidatedEntitiesAxis=us-gaap:VariableInterestEntityPrimaryBeneficiaryMember").value()));
        assertEquals(0, new BigDecimal("766000000").compareTo(one(KO, "us-gaap:GuaranteeObligationsMaximumExposure", "2024-12-31",
                "us-gaap:LossContingenciesByNatureOfContingencyAxis=us-gaap:GuaranteeOfIndebtednessOfOthersMember").value()));
        assertEquals(0, new BigDecimal("635000000").compareTo(one(KO, "us-gaap:RelatedPartyTransactionPurchasesFromRelatedParty", "2024-01-01..2024-12-31",
                "us-gaap:RelatedPartyTransactionsByRelatedPartyAxis=us-gaap:EquityMethodInvesteeMember").value()));
    }

    @Test
    void nvidiaPurchaseObligationsAndLeases() {
        assertEquals(0, new BigDecimal("45079000000").compareTo(one(NVDA, "us-gaap:PurchaseObligation", "2025-01-26", "").value()));
        assertEquals(0, new BigDecimal("7600000000").compareTo(one(NVDA,
                "us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount", "2025-01-26", "").value()));
        assertEquals(0, new BigDecimal("1807000000").compareTo(one(NVDA, "us-gaap:OperatingLeaseLiability", "2025-01-26", "").value()));
    }

    @Test
    void duplicatesMergedIntoOne() {
        // Meta tags its operating lease liability twice (f-808 and f-816) with the same value: one fact
        XbrlFact f = one(META, "us-gaap:OperatingLeaseLiability", "2024-12-31", "");
        assertEquals(0, new BigDecimal("20234000000").compareTo(f.value()));
        assertEquals(0, new BigDecimal("709000000").compareTo(one(META, "us-gaap:FinanceLeaseLiability", "2024-12-31", "").value()));
        assertTrue(doc(META).tagged() > doc(META).facts().size());
    }

    @Test
    void nestedNonFractionNilDivideUnitAndInf() {
        // <ix:nonFraction id="f-99"><ix:nonFraction id="f-100">0.000006</ix:nonFraction></ix:nonFraction>: two facts, one value
        XbrlFact outer = all(META, x -> "f-99".equals(x.id())).get(0);
        XbrlFact inner = all(META, x -> "f-100".equals(x.id())).get(0);
        assertEquals(0, new BigDecimal("0.000006").compareTo(outer.value()));
        assertEquals(0, new BigDecimal("0.000006").compareTo(inner.value()));
        assertEquals("iso4217:USD/xbrli:shares", outer.unit());
        assertEquals(List.of("iso4217:USD"), outer.numerators());
        assertEquals(List.of("xbrli:shares"), outer.denominators());
        assertTrue(outer.infinite());
        assertNull(outer.decimals());
        XbrlFact nil = all(META, x -> "f-97".equals(x.id())).get(0);
        assertTrue(nil.nil());
        assertNull(nil.value());
        assertNull(nil.text());
    }

    @Test
    void numberInWordsAndTypedMember() {
        XbrlFact words = all(TSLA, x -> "f-1156".equals(x.id())).get(0);
        assertEquals("tsla:DebtInstrumentNumberOfExtensionOptions", words.qname());
        assertEquals(0, new BigDecimal("2").compareTo(words.value()));
        List<XbrlFact> typed = all(NVDA, x -> x.dimensions().values().stream().anyMatch(XbrlFact.Member::typed));
        assertFalse(typed.isEmpty());
        assertEquals(new XbrlFact.Member("2025-01-27", true),
                typed.get(0).member("us-gaap:RevenueRemainingPerformanceObligationExpectedTimingOfSatisfactionStartDateAxis"));
    }

    @Test
    void teslaTenQInstance() {
        XbrlDocument d = doc(TSLA_Q);
        assertEquals(XbrlDocument.Kind.INSTANCE, d.kind());
        XbrlFact june = one(TSLA_Q, "us-gaap:GuaranteeObligationsMaximumExposure", "2024-06-30", "");
        assertEquals(0, new BigDecimal("807000000").compareTo(june.value()));
        assertEquals(-6, june.decimals());
        assertEquals(4559, june.provenance().line());
        assertEquals("0001318605", june.entity());
        XbrlFact december = one(TSLA_Q, "us-gaap:GuaranteeObligationsMaximumExposure", "2023-12-31", "");
        assertEquals(0, new BigDecimal("166000000").compareTo(december.value()));
        assertNotNull(december.id());
    }
}
