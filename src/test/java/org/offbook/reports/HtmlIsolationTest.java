package org.offbook.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.offbook.reports.HtmlReportTest.dom;
import static org.offbook.reports.HtmlReportTest.finding;
import static org.offbook.reports.HtmlReportTest.nodes;
import static org.offbook.reports.HtmlReportTest.render;
import static org.offbook.reports.HtmlReportTest.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offbook.model.Money;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.w3c.dom.Document;

/**
 * Input text cannot reorder the page around it (issue 13, item 11): a right-to-left override in an
 * entity name is neutralised, and every input-derived text is isolated (bdi, or FSI/PDI where no
 * element may go), so "USD 27.3B" after such a name still reads "USD 27.3B".
 */
class HtmlIsolationTest {

    static final String RLO_NAME = "Evil\u202E Corp";
    static final String HEBREW_NAME = "\u05E9\u05DC\u05D5\u05DD Holdings";

    static Report bidiReport() {
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put("evil", RLO_NAME);
        entities.put("shalom", HEBREW_NAME);
        entities.put("vehicle", "Vehicle\u2066 LLC\u2069\u2069");
        List<Finding> findings = List.of(
                finding("00000000000000c1", "SPV-001", "SPV", Severity.HIGH, "evil", RLO_NAME, List.of("evil", "vehicle"),
                        Money.of("27300000000", "USD"), RLO_NAME + " owes USD 27.3B through a vehicle.", Finding.Triage.NEW),
                finding("00000000000000c2", "SPV-002", "SPV", Severity.MEDIUM, "shalom", HEBREW_NAME, List.of("shalom", "vehicle"),
                        Money.of("27300000000", "USD"), "Debt of " + HEBREW_NAME + " 27.3 billion, USD 27.3B in all.",
                        Finding.Triage.NEW));
        return report(findings, entities, List.of(), List.of(), null);
    }

    @Test
    void bidiControlsFromTheInputNeverReachThePage() throws Exception {
        String html = render(bidiReport());
        for (char c : "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069".toCharArray()) {
            assertFalse(html.indexOf(c) >= 0, "raw bidi control U+" + Integer.toHexString(c) + " in the page");
        }
        // the override shows as a replacement character; the explanation after it reads as written
        assertTrue(html.contains("<dd><bdi>Evil\uFFFD Corp owes USD 27.3B through a vehicle.</bdi></dd>"), html);
    }

    @Test
    void everyInputTextIsIsolated() throws Exception {
        String html = render(bidiReport());
        Document d = dom(html);
        for (String name : List.of("Evil\uFFFD Corp", "\u05E9\u05DC\u05D5\u05DD Holdings", "Vehicle\uFFFD LLC")) {
            // in HTML content: inside a bdi element, wherever the name appears
            assertEquals(0, nodes(d, "//body//text()[contains(., '" + name + "')][not(ancestor::bdi)][not(ancestor::*[local-name()='svg'])]"
                    + "[not(ancestor::option)]").getLength(), name + " outside a bdi element");
            // in the drawing and in option labels (no element may go there): between FSI and PDI
            assertTrue(nodes(d, "//*[local-name()='svg']//text()[contains(., '" + name + "')]").getLength() > 0, name + " drawn");
            assertEquals(0, nodes(d, "//*[local-name()='svg']//text()[contains(., '" + name + "')][not(contains(., '\u2068" + name + "'))]")
                    .getLength(), name + " in the drawing without an isolate");
            assertEquals(0, nodes(d, "//option[contains(., '" + name + "')][not(starts-with(., '\u2068" + name + "\u2069'))]").getLength(),
                    name + " in a filter option without an isolate");
        }
        assertTrue(html.contains("<bdi>" + Html.text("evil") + "</bdi>"), "entity ids are input too");
        assertTrue(html.contains("<bdi>filings/&lt;evil&gt;.json</bdi>:7"), "file names");
    }

    @Test
    void aRightToLeftNameInsideAnExplanationIsIsolatedThere() throws Exception {
        String html = render(bidiReport());
        // the Hebrew name would otherwise take the figure after it into its right-to-left run
        assertTrue(html.contains("<dd><bdi>Debt of <bdi>" + HEBREW_NAME + "</bdi> 27.3 billion, USD 27.3B in all.</bdi></dd>"), html);
        // a left-to-right name is not wrapped twice: one bdi around the whole text is enough
        assertTrue(html.contains("<dd><bdi>Why it matters for evil</bdi></dd>"), html);
    }

    /** A distinct tainted text per field: a right-to-left override and markup around a tag. */
    static String t(String field) {
        return "\u202E<i>T-" + field + "</i>";
    }

    @Test
    void everyStringFieldOfTheReportIsEscapedAndIsolated() throws Exception {
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put(t("subject"), t("subjectName"));
        entities.put(t("other"), t("otherName"));
        Finding f = new Finding("00000000000000d1", t("ruleId"), t("family"), Severity.HIGH, t("title"), t("subject"), t("subjectName"),
                List.of(t("subject"), t("other")), Money.of("1", "USD"), t("explanation"), t("why"), t("procedure"),
                List.of(t("standard")), List.of(new org.offbook.model.Evidence(t("evidenceFile"), 3, t("evidenceType"), t("fact"))),
                t("rule"), t("ruleFile"), new Finding.Triage(org.offbook.model.TriageStatus.SUPPRESSED, t("reason"), Severity.LOW));
        Report base = report(List.of(f), entities, List.of(org.offbook.model.Problem.of(t("errorFile"), 1, t("field"), t("message"))),
                List.of(new org.offbook.triage.Baseline.Entry(t("fingerprint"), t("bRule"), t("bSubject"), t("bTitle"),
                        t("justification"), t("reviewer"), t("date"), 1)), null);
        Report r = new Report(base.toolVersion(), List.of(t("input")), List.of(new org.offbook.model.FileStats(t("file"), "json", 1, 1)),
                List.of(t("skipped")), 1, 1,
                List.of(new org.offbook.model.RuleInfo(t("ruleId"), t("family"), t("severity"), t("ruleTitle"), List.of(t("standard")),
                        t("rule"), t("ruleFile"), 1, t("doc"))),
                List.of(t("ruleFile")), base.errors(), base.findings(), base.resolved(), null, entities, Severity.LOW);
        String html = render(r);
        assertFalse(html.contains("\u202E"), "a raw override in the page");
        Document d = dom(html);
        assertEquals(0, nodes(d, "//i").getLength(), "markup from the input became an element");
        // every text node that holds tainted text is inside bdi, or (SVG, option, title) opens with an isolate
        var tainted = nodes(d, "//body//text()[contains(., 'T-')][not(ancestor::bdi)]");
        assertTrue(tainted.getLength() >= 5, tainted.getLength() + " text nodes: the drawing and the filter options hold input text too");
        for (int i = 0; i < tainted.getLength(); i++) {
            String v = tainted.item(i).getNodeValue();
            String before = v.substring(0, v.indexOf("\uFFFD<i>T-"));
            assertTrue(before.lastIndexOf('\u2068') > before.lastIndexOf('\u2069'), "not isolated: [" + v + "] in "
                    + tainted.item(i).getParentNode().getNodeName());
        }
        for (String field : List.of("subjectName", "otherName", "ruleId", "family", "title", "explanation", "why", "procedure",
                "standard", "evidenceFile", "evidenceType", "fact", "rule", "ruleFile", "reason", "errorFile", "field", "message",
                "fingerprint", "bRule", "bSubject", "bTitle", "justification", "reviewer", "date", "input", "file", "skipped",
                "severity", "ruleTitle")) {
            assertTrue(html.contains("\uFFFD&lt;i&gt;T-" + field + "&lt;/i&gt;"), field + " shown, escaped");
        }
    }

    @Test
    void escaperNeutralisesBidiControlsAndIsolates() {
        assertEquals("a\uFFFDb\uFFFDc", Html.text("a\u202Eb\u2069c"));
        assertEquals("<bdi>a&lt;b</bdi>", Html.isolate("a<b"));
        assertEquals("", Html.isolate(""));
        assertEquals("&#x2068;a&amp;b&#x2069;", Html.isolateInline("a&b"));
        assertEquals("\u200F", Html.text("\u200F"), "a right-to-left mark has no scope and is kept");
    }
}
