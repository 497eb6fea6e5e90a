package org.offbook.load.xbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.offbook.TestFiles;
import org.offbook.model.Provenance;
import org.offbook.model.Problem;

/** The disclosure mapping table: the four ways filers tag one disclosure, precedence, CIK rows, qualifiers, and its mistakes reported. */
class DisclosureMapTest {

    static XbrlFact fact(String qname, String... dims) {
        TreeMap<String, XbrlFact.Member> d = new TreeMap<>();
        for (String s : dims) {
            d.put(s.substring(0, s.indexOf('=')), new XbrlFact.Member(s.substring(s.indexOf('=') + 1), false));
        }
        String prefix = qname.substring(0, qname.indexOf(':'));
        return new XbrlFact("http://example.com/" + prefix, qname.substring(qname.indexOf(':') + 1), prefix, null, LocalDate.parse("2024-12-31"),
                d, "iso4217:USD", List.of("iso4217:USD"), List.of(), BigDecimal.TEN, "10", false, -6, false, false, false, true, null,
                "c-1", "0000000001", "f-1", new Provenance("x.htm", 1), 1);
    }

    static DisclosureMap table(String body, List<Problem> errors) {
        return DisclosureMap.read("t.csv", new StringReader("id,kind,precedence,concept,members,cik,qualifier,note\n" + body), errors);
    }

    @Test
    void theShippedTableIsTheBuiltInOneAndReadsCleanly() throws IOException {
        String shipped = TestFiles.read(TestFiles.project("rules/" + DisclosureMap.FILE));
        try (InputStream in = DisclosureMap.class.getResourceAsStream(DisclosureMap.BUILT_IN)) {
            assertEquals(shipped, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "copy rules/xbrl-disclosures.csv to src/main/resources/org/offbook/load/xbrl/");
        }
        List<Problem> errors = new ArrayList<>();
        DisclosureMap map = DisclosureMap.read(TestFiles.project("rules/" + DisclosureMap.FILE), errors);
        assertEquals(List.of(), errors);
        assertTrue(map.rows().size() >= 25);
    }

    @Test
    void oneDisclosureTaggedFourWaysIsReadFromEach() {
        List<Problem> errors = new ArrayList<>();
        DisclosureMap map = table(""
                + "a,guarantee-maximum-exposure,2,us-gaap:GuaranteeObligationsMaximumExposure,,,guarantees,undimensioned\n"
                + "b,guarantee-maximum-exposure,1,us-gaap:GuaranteeObligationsMaximumExposure,us-gaap:LossContingenciesByNatureOfContingencyAxis=us-gaap:*,,"
                + "{us-gaap:LossContingenciesByNatureOfContingencyAxis|lower},a us-gaap member\n"
                + "c,guarantee-maximum-exposure,1,us-gaap:GuaranteeObligationsMaximumExposure,us-gaap:GuaranteeObligationsByNatureAxis=*,,"
                + "{us-gaap:GuaranteeObligationsByNatureAxis},a company member\n"
                + "d,guarantee-maximum-exposure,3,*:*GuaranteesMaximum*,,,company guarantees,a company concept\n", errors);
        assertEquals(List.of(), errors);
        XbrlFact undimensioned = fact("us-gaap:GuaranteeObligationsMaximumExposure");
        assertEquals("a", map.match(undimensioned, "1").id());
        XbrlFact usGaapMember = fact("us-gaap:GuaranteeObligationsMaximumExposure",
                "us-gaap:LossContingenciesByNatureOfContingencyAxis=us-gaap:GuaranteeOfIndebtednessOfOthersMember");
        assertEquals("b", map.match(usGaapMember, "1").id());
        assertEquals("guarantee of indebtedness of others", map.match(usGaapMember, "1").qualifierOf(usGaapMember));
        XbrlFact companyMember = fact("us-gaap:GuaranteeObligationsMaximumExposure", "us-gaap:GuaranteeObligationsByNatureAxis=acme:ProjectLeaseBackstopMember");
        assertEquals("c", map.match(companyMember, "1").id());
        assertEquals("Project Lease Backstop", map.match(companyMember, "1").qualifierOf(companyMember));
        XbrlFact companyConcept = fact("acme:ThirdPartyGuaranteesMaximumExposure");
        assertEquals("d", map.match(companyConcept, "1").id());
        // a dimension no pattern lists is not matched (an undimensioned row matches undimensioned facts only)
        assertNull(map.match(fact("us-gaap:GuaranteeObligationsMaximumExposure", "srt:RangeAxis=srt:MaximumMember"), "1"));
        assertTrue(map.match(undimensioned, "1").where().equals("t.csv:2 (a)"));
    }

    @Test
    void aFilerRowWinsByPrecedenceAndFurtherAxesAreAllowedOnlyWhenAsked() {
        List<Problem> errors = new ArrayList<>();
        DisclosureMap map = table(""
                + "po,purchase-obligations,5,us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount,,,,\n"
                + "lnc,leases-not-commenced,1,us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount,,0001326801,,\n"
                + "conc,concentration-revenue,1,us-gaap:ConcentrationRiskPercentage1,srt:MajorCustomersAxis=*;*=*,,{srt:MajorCustomersAxis},\n", errors);
        assertEquals(List.of(), errors);
        XbrlFact uupo = fact("us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount");
        assertEquals("lnc", map.match(uupo, "1326801").id());
        assertEquals("po", map.match(uupo, "1045810").id());
        XbrlFact a = fact("us-gaap:ConcentrationRiskPercentage1", "srt:MajorCustomersAxis=nvda:CustomerAMember",
                "us-gaap:StatementBusinessSegmentsAxis=nvda:ComputeAndNetworkingSegmentMember");
        assertEquals("Customer A", map.match(a, "1").qualifierOf(a));
    }

    @Test
    void membersInWords() {
        assertEquals("Customer A", DisclosureMap.words(new XbrlFact.Member("nvda:CustomerAMember", false)));
        assertEquals("AC Bebidas", DisclosureMap.words(new XbrlFact.Member("ko:ACBebidasMemberMember", false)));
        assertEquals("CCEP", DisclosureMap.words(new XbrlFact.Member("ko:CCEPMember", false)));
        assertEquals("Acme Holdings LLC", DisclosureMap.words(new XbrlFact.Member("Acme Holdings LLC", true)));
    }

    @Test
    void mistakesAreReportedWithLineAndColumnAndTheRowIgnored() {
        List<Problem> errors = new ArrayList<>();
        DisclosureMap map = table(""
                + "ok,debt,1,us-gaap:LongTermDebt,us-gaap:LongtermDebtTypeAxis=*,,{us-gaap:LongtermDebtTypeAxis},\n"
                + "ok,debt,1,us-gaap:LongTermDebt,,,,\n"
                + "Bad Id,debt,1,us-gaap:LongTermDebt,,,,\n"
                + "k,no-such-kind,1,us-gaap:LongTermDebt,,,,\n"
                + "p,debt,0,us-gaap:LongTermDebt,,,,\n"
                + "c,debt,1,LongTermDebt,,,,\n"
                + "m,debt,1,us-gaap:LongTermDebt,srt:RangeAxis,,,\n"
                + "q,debt,1,us-gaap:LongTermDebt,,,{srt:RangeAxis},\n"
                + "n,debt,1,us-gaap:LongTermDebt,,CIK12,,\n"
                + "short,debt\n", errors);
        assertEquals(1, map.rows().size());
        List<String> got = errors.stream().map(e -> e.line() + " " + e.field()).toList();
        assertEquals(List.of("3 id", "4 id", "5 kind", "6 precedence", "7 concept", "8 members", "9 qualifier", "10 cik", "11 null"), got);
        assertTrue(errors.get(2).message().contains("is not a disclosure kind"), errors.get(2).message());
    }
}
