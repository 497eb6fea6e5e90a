package org.offbook.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.nio.file.Path;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.Test;
import org.offbook.model.Money;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * JUnit XML: a test case per finding with at most one failure, skipped for baselined and suppressed
 * findings, the counts agreeing with the cases, the passing rule x entity cases only when asked for,
 * every file valid against a strict schema (src/test/resources/schemas/junit-strict.xsd); and the
 * file stays well-formed and says the same as the input, whatever characters the input holds. */
class JunitReportTest {

    @Test
    void charactersXmlCannotCarryAreReplacedAndTheRestRoundTrips() throws Exception {
        String name = "Nul\u0000Esc\u001b \"q\" 'a' <b> & ]]> end\uD800";
        String explanation = "Line one\r\nline two\ttab \u0007bell 'quoted' <i>x</i> & ]]>";
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put("evil", name);
        Finding f = HtmlReportTest.finding("00000000000000b1", "SPV-001", "SPV", Severity.HIGH, "evil", name, List.of("evil"),
                Money.of("1000", "USD"), explanation, Finding.Triage.NEW);
        Report r = HtmlReportTest.report(List.of(f), entities, List.of(), List.of(), null);
        StringWriter w = new StringWriter();
        new JunitReport().render(r, w);
        String xml = w.toString();
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "), xml);
        assertTrue(xml.endsWith("</testsuites>\n"));

        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element testcase = (Element) d.getElementsByTagName("testcase").item(0);
        assertEquals("Nul\uFFFDEsc\uFFFD \"q\" 'a' <b> & ]]> end\uFFFD (evil) 00000000000000b1", testcase.getAttribute("name"));
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        // in an attribute, line breaks and tabs are spaces (as any XML reader would make them); in text they stay
        assertEquals("Line one line two tab \uFFFDbell 'quoted' <i>x</i> & ]]>", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith("Line one\nline two\ttab \uFFFDbell 'quoted' <i>x</i> & ]]>\nStandards: "),
                failure.getTextContent());
        assertEquals("1", d.getDocumentElement().getAttribute("failures"));
    }

    static String render(Report r, boolean passing) throws IOException {
        StringWriter w = new StringWriter();
        new JunitReport(passing).render(r, w);
        return w.toString();
    }

    /** Validates against the strict schema (an exception names the first violation) and parses. */
    static Document strict(String xml) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.newSchema(Path.of("src/test/resources/schemas/junit-strict.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static int count(Document d, String tag) {
        return d.getElementsByTagName(tag).getLength();
    }

    @Test
    void theSampleHasACasePerFindingAtMostOneFailureEachAndCountsThatAgree() throws Exception {
        Report r = GoldenReportsTest.sample(); // --fail-on high
        Document d = strict(render(r, false));
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(r.findings().size(), cases.getLength(), "one case per finding, no passing rule x entity cases");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertTrue(c.getAttribute("file").startsWith("filings/") && Integer.parseInt(c.getAttribute("line")) > 0,
                    "a finding's case names the file and line of its evidence: " + c.getAttribute("name"));
        }
        Element root = d.getDocumentElement();
        assertEquals(String.valueOf(r.failing().size()), root.getAttribute("failures"));
        assertEquals(r.failing().size(), count(d, "failure"), "a failure per failing finding");
        assertEquals(String.valueOf(cases.getLength()), root.getAttribute("tests"));
        assertTrue(r.failing().size() < r.findings().size(), "findings below --fail-on pass with their explanation");
        NodeList suites = d.getElementsByTagName("testsuite");
        int sum = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            assertEquals(s.getElementsByTagName("testcase").getLength(), Integer.parseInt(s.getAttribute("tests")), s.getAttribute("name"));
            sum += Integer.parseInt(s.getAttribute("failures"));
        }
        assertEquals(r.failing().size(), sum, "the suites' failures add up to the total");
    }

    @Test
    void passingCasesOnlyWhenAskedForAndThenEveryRuleAndEntity() throws Exception {
        Report r = GoldenReportsTest.sample();
        Document d = strict(render(r, true));
        assertEquals(r.rules().size(), count(d, "testsuite"), "a suite per rule");
        long flagged = r.findings().stream().map(f -> f.ruleId() + " " + f.subject()).distinct().count();
        assertEquals(r.rules().size() * r.entities().size() - flagged + r.findings().size(), count(d, "testcase"));
        assertEquals(r.failing().size(), count(d, "failure"));
    }

    @Test
    void errorsBaselinedAndHostileTextPassTheStrictSchema() throws Exception {
        Document d = strict(render(HtmlReportTest.hostile(), false));
        assertEquals(1, count(d, "error"));
        assertTrue(count(d, "skipped") >= 1, "baselined and suppressed findings are skipped");
        Element error = (Element) d.getElementsByTagName("error").item(0).getParentNode();
        assertEquals("filings/<bad>.json", error.getAttribute("file"));
        assertEquals("3", error.getAttribute("line"));
    }
}
