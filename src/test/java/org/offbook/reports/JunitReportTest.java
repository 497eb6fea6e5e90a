package org.offbook.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.offbook.model.Money;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** JUnit XML stays well-formed and says the same as the input, whatever characters the input holds. */
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
        assertEquals("Nul\uFFFDEsc\uFFFD \"q\" 'a' <b> & ]]> end\uFFFD (evil)", testcase.getAttribute("name"));
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        // in an attribute, line breaks and tabs are spaces (as any XML reader would make them); in text they stay
        assertEquals("Line one line two tab \uFFFDbell 'quoted' <i>x</i> & ]]>", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith("Line one\nline two\ttab \uFFFDbell 'quoted' <i>x</i> & ]]>\nStandards: "),
                failure.getTextContent());
        assertEquals("1", d.getDocumentElement().getAttribute("failures"));
    }
}
