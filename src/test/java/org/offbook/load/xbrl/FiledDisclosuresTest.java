package org.offbook.load.xbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.offbook.pipeline.Check;
import org.offbook.TestFiles;
import org.offbook.model.Concentration;
import org.offbook.model.Disclosure;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.Money;
import org.offbook.model.Statement;
import org.offbook.model.UsefulLife;
import org.offbook.model.Finding;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadResult;
import org.offbook.reports.Report;
import org.offbook.engine.RuleRunner;

/**
 * The facts offbook derives from the real SEC filings in src/test/resources/sec/ixbrl through
 * rules/xbrl-disclosures.csv and rules/sec-concepts.csv, and the findings they give, pinned against
 * what the documents say (each figure checked in the document's text).
 */
class FiledDisclosuresTest {

    static final String DIR = XbrlSamplesTest.DIR;
    private static final Map<String, LoadResult> LOADED = new HashMap<>();

    static synchronized LoadResult load(String file) {
        return LOADED.computeIfAbsent(file, f -> FolderLoader.load(List.of(TestFiles.project(DIR + f))));
    }

    static <T extends Fact> T one(String file, Class<T> type, Predicate<T> which) {
        List<T> found = load(file).facts().stream().filter(type::isInstance).map(type::cast).filter(which).collect(Collectors.toList());
        if (found.size() != 1) {
            fail(found.size() + " " + type.getSimpleName() + " facts match in " + file + ": " + found);
        }
        return found.get(0);
    }

    static Disclosure disclosure(String file, String kind, String qualifier, String end) {
        return one(file, Disclosure.class, d -> d.kind().equals(kind) && java.util.Objects.equals(d.qualifier(), qualifier)
                && d.end().equals(LocalDate.parse(end)));
    }

    static void money(String expected, Money m) {
        assertEquals(0, new BigDecimal(expected).compareTo(m.amount()), "amount " + m);
        assertEquals("USD", m.currency());
    }

    @Test
    void everySampleLoadsWithoutError() {
        for (String f : List.of(XbrlSamplesTest.META, XbrlSamplesTest.NVDA, XbrlSamplesTest.KO, XbrlSamplesTest.TSLA, XbrlSamplesTest.TSLA_Q)) {
            LoadResult r = load(f);
            assertEquals(List.of(), r.errors(), f);
            assertEquals(r.factsRead(), r.facts().size(), f + ": every fact read is loaded");
        }
    }

    @Test
    void metaLeasesNotYetCommencedAsFiledWithTheirTermsAndTheRowThatMappedThem() {
        Disclosure d = disclosure(XbrlSamplesTest.META, "leases-not-commenced", null, "2024-12-31");
        money("34120000000", d.amount()); // ixt:num-dot-decimal "34.12", scale 9
        assertEquals("us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount", d.concept());
        assertEquals("", d.dimensions());
        assertEquals("-7", d.decimals());
        assertEquals("lnc-uupo-meta", d.mapping());
        assertTrue(d.provenance().file().endsWith(DIR + XbrlSamplesTest.META), d.provenance().file());
        assertTrue(d.source().contains("mapped by rules/xbrl-disclosures.csv:5 (lnc-uupo-meta)"), d.source());
        assertTrue(d.source().contains("period 2024-12-31, no dimensions, decimals -7"), d.source());
        // "one year" (ixt-sec:durwordsen) to 30 (ixt-sec:duryear), on a finance and a nested operating tag
        assertEquals(0, BigDecimal.ONE.compareTo(disclosure(XbrlSamplesTest.META, "leases-not-commenced-term", "operating minimum", "2024-12-31").years()));
        assertEquals(0, BigDecimal.ONE.compareTo(disclosure(XbrlSamplesTest.META, "leases-not-commenced-term", "finance minimum", "2024-12-31").years()));
        assertEquals(0, new BigDecimal("30").compareTo(disclosure(XbrlSamplesTest.META, "leases-not-commenced-term", "operating maximum", "2024-12-31").years()));
        // not read as purchase obligations too: counted once
        assertTrue(load(XbrlSamplesTest.META).facts().stream().noneMatch(f -> f instanceof Disclosure x && x.kind().equals("purchase-obligations")));
    }

    @Test
    void metaStatementAndLeaseTermsFromTheFiling() {
        Statement s = one(XbrlSamplesTest.META, Statement.class, x -> x.start() == null && x.end().equals(LocalDate.parse("2024-12-31")));
        money("20234000000", s.operatingLeaseLiabilities());
        money("709000000", s.financeLeaseLiabilities());
        assertNull(s.purchaseObligations(), "the UUPO concept is Meta's leases not yet commenced, not purchase obligations");
        assertTrue(s.source().startsWith("SEC filing (XBRL): "), s.source());
        Statement year = one(XbrlSamplesTest.META, Statement.class, x -> x.start() != null && x.end().equals(LocalDate.parse("2024-12-31")) && x.isAnnual());
        money("164501000000", year.revenue());
        assertEquals(0, new BigDecimal("11.5").compareTo(disclosure(XbrlSamplesTest.META, "lease-remaining-term", "operating", "2024-12-31").years()));
        Entity meta = one(XbrlSamplesTest.META, Entity.class, e -> e.kind().equals("company"));
        assertEquals("cik-1326801", meta.id());
        assertEquals("1326801", meta.cik());
    }

    @Test
    void metaServersLifeExtendedTo5Point5YearsAsASubsequentEvent() {
        UsefulLife u = one(XbrlSamplesTest.META, UsefulLife.class, x -> x.assetClass().equals("servers"));
        assertEquals(0, new BigDecimal("5.5").compareTo(u.years()));
        assertEquals(0, new BigDecimal("5").compareTo(u.previousYears())); // "Five years", top of the 4 (ix:hidden P4Y) to 5 range
        assertEquals(LocalDate.parse("2025-01-29"), u.effective());
        assertTrue(u.source().contains("us-gaap:SubsequentEventTypeAxis=us-gaap:SubsequentEventMember"), u.source());
        assertTrue(u.source().contains("before: 4 to 5 years at 2024-12-31"), u.source());
        assertTrue(u.source().contains("(life-servers)"), u.source());
    }

    @Test
    void nvidiaUnnamedCustomersAndReceivablesConcentrationAsFiled() {
        Concentration a = one(XbrlSamplesTest.NVDA, Concentration.class, c -> c.customer().endsWith(".customer-a") && c.period().equals("FY2025"));
        assertEquals(0, new BigDecimal("0.12").compareTo(a.share())); // scale -2 percentage
        assertEquals("revenue", a.basis());
        assertEquals(LocalDate.parse("2025-01-26"), a.end());
        assertTrue(a.source().contains("srt:MajorCustomersAxis=nvda:CustomerAMember"), a.source());
        assertTrue(a.source().contains("(conc-customer-revenue)"), a.source());
        assertEquals(0, new BigDecimal("0.11").compareTo(one(XbrlSamplesTest.NVDA, Concentration.class,
                c -> c.customer().endsWith(".customer-b") && c.period().equals("FY2025")).share()));
        assertEquals(0, new BigDecimal("0.11").compareTo(one(XbrlSamplesTest.NVDA, Concentration.class,
                c -> c.customer().endsWith(".customer-c") && c.period().equals("FY2025")).share()));
        assertEquals(0, new BigDecimal("0.17").compareTo(one(XbrlSamplesTest.NVDA, Concentration.class,
                c -> c.basis().equals("receivables") && c.customer().endsWith(".customer-one") && c.period().equals("FY2025")).share()));
        assertEquals(0, new BigDecimal("0.16").compareTo(one(XbrlSamplesTest.NVDA, Concentration.class,
                c -> c.basis().equals("receivables") && c.customer().endsWith(".customer-two") && c.period().equals("FY2025")).share()));
        Entity customer = one(XbrlSamplesTest.NVDA, Entity.class, e -> e.id().equals("cik-1045810.customer-a"));
        assertEquals("Customer A (a customer NVIDIA CORP does not name)", customer.name());
    }

    @Test
    void nvidiaPurchaseObligationsKeptApartFromLeasesNotYetCommencedOnTheSameConcept() {
        Disclosure lnc = disclosure(XbrlSamplesTest.NVDA, "leases-not-commenced", null, "2025-01-26");
        money("7600000000", lnc.amount());
        assertEquals("lnc-uupo-nvidia", lnc.mapping());
        Disclosure po = disclosure(XbrlSamplesTest.NVDA, "purchase-obligations", null, "2025-01-26");
        money("45079000000", po.amount());
        assertEquals("us-gaap:PurchaseObligation", po.concept());
        assertEquals(0, new BigDecimal("15.5").compareTo(disclosure(XbrlSamplesTest.NVDA, "leases-not-commenced-term", "operating maximum", "2025-01-26").years()));
        Statement s = one(XbrlSamplesTest.NVDA, Statement.class, x -> x.start() == null && x.end().equals(LocalDate.parse("2025-01-26")));
        money("1807000000", s.operatingLeaseLiabilities());
    }

    @Test
    void cocaColaVieExposurePrimaryBeneficiaryAndNotKeptApartGuaranteesInvesteesRelatedParties() {
        Disclosure notPb = disclosure(XbrlSamplesTest.KO, "vie-maximum-exposure", "not-primary-beneficiary", "2024-12-31");
        money("1680000000", notPb.amount());
        assertEquals("srt:ConsolidatedEntitiesAxis=us-gaap:VariableInterestEntityNotPrimaryBeneficiaryMember", notPb.dimensions());
        money("87000000", disclosure(XbrlSamplesTest.KO, "vie-maximum-exposure", "primary-beneficiary", "2024-12-31").amount());
        Disclosure g = disclosure(XbrlSamplesTest.KO, "guarantee-maximum-exposure", "guarantee of indebtedness of others", "2024-12-31");
        money("766000000", g.amount());
        Disclosure ccep = one(XbrlSamplesTest.KO, Disclosure.class, d -> d.kind().equals("equity-method-investee") && "CCEP".equals(d.qualifier())
                && d.share() != null);
        assertEquals(0, new BigDecimal("0.19").compareTo(ccep.share()));
        assertEquals("INF", ccep.decimals());
        money("635000000", disclosure(XbrlSamplesTest.KO, "related-party-transaction", "purchases from equity method investee", "2024-12-31").amount());
        // a company concept (ko:) with a us-gaap member
        Disclosure sales = disclosure(XbrlSamplesTest.KO, "related-party-transaction", "sales to equity method investee", "2024-12-31");
        assertEquals("ko:RelatedPartyTransactionSalesToRelatedParty", sales.concept());
    }

    @Test
    void teslaCompanyConceptGuaranteesAndRecourseDebt() {
        Disclosure lnc = disclosure(XbrlSamplesTest.TSLA, "leases-not-commenced", null, "2024-12-31");
        money("1100000000", lnc.amount());
        assertEquals("tsla:OperatingLeasesNotYetCommencedValueWithAggregateRentPayments", lnc.concept());
        assertEquals("lnc-company", lnc.mapping());
        money("1450000000", disclosure(XbrlSamplesTest.TSLA, "guarantee-maximum-exposure", "guarantees", "2024-12-31").amount());
        Disclosure nonrecourse = disclosure(XbrlSamplesTest.TSLA, "debt", "nonrecourse debt", "2024-12-31");
        assertEquals("us-gaap:LongtermDebtTypeAxis=tsla:NonrecourseDebtMember", nonrecourse.dimensions());
        money("7000000", disclosure(XbrlSamplesTest.TSLA, "debt", "recourse debt", "2023-12-31").amount());
        // the 10-Q instance: decimals -6
        Disclosure q = disclosure(XbrlSamplesTest.TSLA_Q, "guarantee-maximum-exposure", "guarantees", "2024-06-30");
        money("807000000", q.amount());
        assertEquals("-6", q.decimals());
    }

    static Report check(String file) {
        return Check.run(List.of(TestFiles.project(DIR + file)), List.of(TestFiles.project("rules")), RuleRunner.Limits.DEFAULT);
    }

    static Finding finding(Report r, String rule) {
        List<Finding> found = r.findings().stream().filter(f -> f.ruleId().equals(rule)).collect(Collectors.toList());
        if (found.isEmpty()) {
            fail("no " + rule + " finding; findings: " + r.findings().stream().map(Finding::ruleId).collect(Collectors.toList()));
        }
        return found.get(0);
    }

    @Test
    void metaTenKAloneGivesLeasesNotYetCommencedAndUsefulLifeFindingsCitingTheTaggedValue() {
        Report r = check(XbrlSamplesTest.META);
        assertEquals(List.of(), r.errors());
        Finding lease = finding(r, "LEASE-007");
        assertEquals("info", lease.severity().label()); // 1.6x: below the 2.0x medium line
        assertTrue(lease.explanation().contains("USD 34.12B at 2024-12-31, with terms of 1 to 30 years, 1.6x the lease liabilities"),
                lease.explanation());
        assertTrue(lease.evidence().stream().anyMatch(e -> e.file().endsWith(DIR + XbrlSamplesTest.META) && e.line() == 8
                && e.fact().contains("us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount")
                && e.source().contains("(lnc-uupo-meta)")), lease.evidence().toString());
        Finding life = finding(r, "LIFE-001");
        assertTrue(life.explanation().contains("servers from 5 years to 5.5 years from 2025"), life.explanation());
    }

    @Test
    void nvidiaTenKAloneGivesItsOwnCustomerPercentages() {
        Report r = check(XbrlSamplesTest.NVDA);
        List<String> conc = r.findings().stream().filter(f -> f.ruleId().equals("CONC-001"))
                .map(f -> f.severity().label() + " " + f.explanation().substring(0, f.explanation().indexOf(" in FY")))
                .sorted().collect(Collectors.toList());
        assertEquals(List.of(
                "info Customer A (a customer NVIDIA CORP does not name) accounted for 12% of NVIDIA CORP's revenue",
                "info Customer B (a customer NVIDIA CORP does not name) accounted for 11% of NVIDIA CORP's revenue",
                "info Customer C (a customer NVIDIA CORP does not name) accounted for 11% of NVIDIA CORP's revenue"), conc);
        assertEquals("medium", finding(r, "LEASE-007").severity().label());
    }

    @Test
    void cocaColaTenKGivesTheUnconsolidatedVieExposureOnly() {
        Report r = check(XbrlSamplesTest.KO);
        Finding vie = finding(r, "SPV-005");
        assertTrue(vie.explanation().contains("maximum exposure to loss of USD 1.68B from variable interest entities it does not consolidate"),
                vie.explanation());
        assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().equals("GUAR-003")), "USD 766M is about 3% of equity: below the line");
    }
}
