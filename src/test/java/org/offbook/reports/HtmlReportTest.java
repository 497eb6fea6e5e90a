package org.offbook.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.offbook.pipeline.Check;
import org.offbook.model.Money;
import org.offbook.triage.Baseline;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.offbook.model.FileStats;
import org.offbook.model.Problem;
import org.offbook.model.RuleInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The HTML report: input that tries to be markup stays text, the page loads nothing, the same
 * report gives the same bytes, and the summary, statuses and drawing say what the report holds.
 * The page is well-formed XML apart from its style and script blocks, so the tests read it with
 * the JDK's XML parser and XPath.
 */
class HtmlReportTest {

    static final String SCRIPT_NAME = "<script>alert(1)</script>";
    static final String IMG_NAME = "\"><img src=http://evil.example/x.png onerror=alert(1)>";
    static final String EXPLANATION = "Debt of </td></tr><script>alert(2)</script> & 'more'\u2028 and <b>bold</b> claims";
    static final String BASELINE_REASON = "accepted by <b>audit</b> committee";
    static final String SUPPRESS_REASON = "known; see memo \"Q3\" & <i>minutes</i>";

    // ---------------------------------------------------------------------------------- fixtures

    /** The one place a Report is built (its constructor may gain fields). */
    static Report report(List<Finding> findings, Map<String, String> entities, List<Problem> errors,
                         List<Baseline.Entry> resolved, String generatedAt) {
        List<RuleInfo> rules = List.of(
                new RuleInfo("SPV-001", "SPV", "high", "Vehicle debt <off> balance sheet", List.of("ASC 810-10-25-38A"), "SPV-001 rule",
                        "rules/spv/SPV-001.drl", 1, "doc"),
                new RuleInfo("CONC-001", "CONC", "info", "Concentration", List.of("ASC 280-10-50-42"), "CONC-001 rule",
                        "rules/conc/CONC-001.drl", 1, "doc"));
        return new Report("9.9.9-test", List.of("in/<dir>"), List.of(new FileStats("in/<b>deal</b>.json", "json", 12, 10)),
                List.of("in/notes.txt"), 12, 10, rules, List.of("rules/spv/SPV-001.drl", "rules/conc/CONC-001.drl"), errors, findings,
                resolved, generatedAt, entities, Severity.LOW);
    }

    static Finding finding(String fp, String ruleId, String family, Severity sev, String subject, String subjectName,
                           List<String> entities, Money amount, String explanation, Finding.Triage triage) {
        return new Finding(fp, ruleId, family, sev, ruleId + " title", subject, subjectName, entities, amount, explanation,
                "Why it matters for " + subject, "Obtain the agreement", List.of("ASC 810-10-25-38A", "IFRS 10.7"),
                List.of(new Evidence("filings/<evil>.json", 7, "stake", subject + " holds 20%"),
                        new Evidence("rules/thresholds.csv", 2, "threshold", "spv.stake.max = 0.5")),
                ruleId + " rule", "rules/" + family.toLowerCase() + "/" + ruleId + ".drl", triage);
    }

    static Map<String, String> entities() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("evil", SCRIPT_NAME);
        m.put("img", IMG_NAME);
        m.put("beignet", "Beignet Investor LLC");
        m.put("oracle", "Oracle Corporation");
        m.put("openai", "OpenAI");
        m.put("unused", "Not In Any Finding");
        return m;
    }

    static List<Finding> findings() {
        return List.of(
                finding("00000000000000a1", "SPV-001", "SPV", Severity.HIGH, "evil", SCRIPT_NAME, List.of("evil", "img", "beignet"),
                        Money.of("27300000000", "USD"), EXPLANATION, Finding.Triage.NEW),
                finding("00000000000000a2", "SPV-002", "SPV", Severity.MEDIUM, "evil", SCRIPT_NAME, List.of("evil", "beignet"),
                        Money.of("27300000000", "USD"), "Thin equity", new Finding.Triage(org.offbook.model.TriageStatus.BASELINED, BASELINE_REASON, null)),
                finding("00000000000000a3", "CONC-001", "CONC", Severity.CRITICAL, "oracle", "Oracle Corporation",
                        List.of("oracle", "openai"), Money.of("300300000000", "USD"), "Backlog",
                        new Finding.Triage(org.offbook.model.TriageStatus.SUPPRESSED, SUPPRESS_REASON, Severity.HIGH)),
                finding("00000000000000a4", "CONC-003", "CONC", Severity.INFO, "oracle", "Oracle Corporation", List.of("oracle"),
                        null, "RPO many times revenue", Finding.Triage.NEW),
                finding("00000000000000a5", "LEASE-001", "LEASE", Severity.LOW, "img", IMG_NAME, List.of("img", "beignet"),
                        new Money(new BigDecimal("4500000"), "EUR"), "Short lease", Finding.Triage.NEW));
    }

    static Report hostile() {
        return report(findings(), entities(),
                List.of(Problem.of("filings/<bad>.json", 3, "amount", "not an amount: '<b>USD</b>'")),
                List.of(new Baseline.Entry("0123456789abcdef", "SPV-009", "meta", "Old <i>finding</i>", "accepted <u>then</u>",
                        "J. Doe", "2026-01-02", 4)),
                null);
    }

    static String render(Report r) throws Exception {
        StringWriter w = new StringWriter();
        new HtmlReport().render(r, w);
        return w.toString();
    }

    /** The page as a DOM: the style and script blocks (CSS and JS, not XML) left out. */
    static Document dom(String html) throws Exception {
        String xml = html.replaceAll("(?s)<style>.*?</style>", "<style></style>").replaceAll("(?s)<script>.*?</script>", "<script></script>");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static NodeList nodes(Document d, String xpath) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        return (NodeList) xp.evaluate(xpath, d, XPathConstants.NODESET);
    }

    /** The text at a path, without the isolates (U+2068, U+2069) that keep input text apart where no bdi element may go. */
    static String text(Document d, String xpath) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        return ((String) xp.evaluate(xpath, d, XPathConstants.STRING)).replace("\u2068", "").replace("\u2069", "").strip();
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------------------------- tests

    @Test
    void hostileInputIsEscapedInTextAttributesAndSvg() throws Exception {
        String html = render(hostile());
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped script name");
        assertTrue(html.contains("&quot;&gt;&lt;img src=http://evil.example/x.png onerror=alert(1)&gt;"), "escaped img name");
        assertTrue(html.contains("Debt of &lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; &#39;more&#39;&#x2028;"));
        assertTrue(html.contains("<bdi>filings/&lt;evil&gt;.json</bdi>:7"), "evidence file escaped (and isolated)");
        assertTrue(html.contains("accepted by &lt;b&gt;audit&lt;/b&gt; committee"), "triage reason escaped");
        for (String raw : List.of(SCRIPT_NAME, IMG_NAME, "alert(2)</script>", "<img", "<b>", "<i>", "<u>", "<evil>", "\u2028")) {
            assertFalse(html.contains(raw), "raw input in the page: " + raw);
        }
        assertEquals(1, count(html, "<script"), "only the report's own script element");

        // read back, the page holds exactly the input text: in attributes, in table text and in the SVG
        Document d = dom(html);
        assertEquals(0, nodes(d, "//img|//iframe|//b|//i|//u|//object|//embed").getLength(), "markup from the input became elements");
        assertEquals(1, nodes(d, "//script").getLength());
        assertEquals(0, nodes(d, "//@*[starts-with(translate(name(),'ON','on'),'on')]").getLength(), "an event-handler attribute");
        Element first = (Element) nodes(d, "//tbody[@data-fingerprint='00000000000000a1']").item(0);
        assertEquals(SCRIPT_NAME, first.getAttribute("data-name"));
        Element img = (Element) nodes(d, "//tbody[@data-fingerprint='00000000000000a5']").item(0);
        assertEquals(IMG_NAME, img.getAttribute("data-name"));
        assertTrue(first.getTextContent().contains(EXPLANATION), "explanation text round-trips");
        assertEquals(SCRIPT_NAME, text(d, "//svg//g[@data-entity='evil']/text[@class='nname']"));
        assertTrue(text(d, "//svg//g[@data-entity='img']/text[@class='nname']").startsWith("\"><img src=http://evil"));
        assertTrue(text(d, "//svg//g[@data-entity='img']/title").startsWith(IMG_NAME));
        assertTrue(text(d, "//option[@value='evil']").startsWith(SCRIPT_NAME), "filter option label");
    }

    @Test
    void pageFetchesNothing() throws Exception {
        String html = render(hostile());
        // what is left once the escaped input text is taken out must name no network location
        String ours = html.replace(Html.text(IMG_NAME), "");
        for (String line : LinkLayout.wrap(IMG_NAME, LinkLayout.MAX_NAME)) {
            ours = ours.replace(Html.text(line), "");
        }
        assertTrue(html.contains("http://evil.example"), "the input's URL is there, as text");
        assertFalse(ours.contains("http:"), "http reference outside input text");
        assertFalse(ours.contains("https:"), "https reference outside input text");
        assertFalse(ours.contains("//evil"), "protocol-relative reference");
        for (String s : List.of("<link", "<img", "<iframe", "<object", "<embed", "<audio", "<video", "<source", "@import", "@font-face",
                " src=", "xlink:href", "srcset", "<base", "<form", "action=", "fetch(", "XMLHttpRequest", "WebSocket", "import(")) {
            assertFalse(ours.contains(s), "network-capable construct in the page: " + s);
        }
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertTrue(href.group(1).startsWith("#"), "link out of the page: " + href.group(1));
        }
        Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
        while (url.find()) {
            assertTrue(url.group(1).startsWith("#"), "url() out of the page: " + url.group(1));
        }
        assertTrue(html.contains("content=\"default-src 'none'; "), "a Content-Security-Policy that allows no fetches");
    }

    @Test
    void cspAdmitsExactlyTheInlineStyleAndScript() throws Exception {
        String html = render(hostile());
        Matcher style = Pattern.compile("(?s)<style>(.*?)</style>").matcher(html);
        Matcher script = Pattern.compile("(?s)<script>(.*?)</script>").matcher(html);
        assertTrue(style.find());
        assertTrue(script.find());
        String csp = text(dom(html), "//meta[@http-equiv='Content-Security-Policy']/@content");
        assertTrue(csp.contains("style-src '" + sha256(style.group(1)) + "'"), csp);
        assertTrue(csp.contains("script-src '" + sha256(script.group(1)) + "'"), csp);
        assertFalse(csp.contains("unsafe-inline"));
        assertFalse(style.find() || script.find(), "one style and one script block");
    }

    private static String sha256(String s) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sameInputGivesIdenticalOutput() throws Exception {
        String a = render(hostile());
        String b = render(hostile());
        assertEquals(a, b);
        // nor does the page depend on the order in which the entity map iterates
        Map<String, String> hashed = new HashMap<>(entities());
        List<String> keys = new ArrayList<>(entities().keySet());
        Map<String, String> reversed = new LinkedHashMap<>();
        for (int i = keys.size() - 1; i >= 0; i--) {
            reversed.put(keys.get(i), entities().get(keys.get(i)));
        }
        assertEquals(render(report(findings(), hashed, List.of(), List.of(), null)),
                render(report(findings(), reversed, List.of(), List.of(), null)));
        assertFalse(a.matches("(?s).*\\b20\\d\\d-\\d\\d-\\d\\dT.*"), "no timestamp when the report has none");
    }

    @Test
    void generatedAtIsShownOnlyWhenTheReportHasIt() throws Exception {
        assertFalse(render(hostile()).contains("<time"));
        String html = render(report(findings(), entities(), List.of(), List.of(), "2026-01-01T00:00:00Z"));
        assertTrue(html.contains("<time>2026-01-01T00:00:00Z</time>"));
    }

    @Test
    void headerShowsToolInputsAndCounts() throws Exception {
        Document d = dom(render(hostile()));
        String header = text(d, "//header");
        assertTrue(header.contains("offbook 9.9.9-test"), header);
        String counts = text(d, "//*[@id='counts']");
        assertTrue(counts.contains("in/<dir>"), counts);
        assertTrue(counts.contains("1 file (1 skipped)"), counts);
        assertTrue(counts.contains("facts: 12 read, 10 loaded, 2 rejected"), counts);
        assertTrue(counts.contains("2 rules from 2 rule files"), counts);
    }

    @Test
    void summaryCountsBySeverityFamilyCompanyAndStatus() throws Exception {
        Document d = dom(render(hostile()));
        assertEquals("5", text(d, "//*[@id='count-findings']/span[@class='n']"));
        assertEquals("3", text(d, "//*[@id='count-new']/span[@class='n']"));
        assertEquals("1", text(d, "//*[@id='count-baselined']/span[@class='n']"));
        assertEquals("1", text(d, "//*[@id='count-suppressed']/span[@class='n']"));
        assertEquals("1", text(d, "//*[@id='count-resolved']/span[@class='n']"));
        assertEquals("1", text(d, "//*[@id='count-errors']/span[@class='n']"));
        // findings, new, baselined, suppressed
        assertEquals(List.of("1", "0", "0", "1"), cells(d, "sum-severity", "critical"));
        assertEquals(List.of("1", "1", "0", "0"), cells(d, "sum-severity", "high"));
        assertEquals(List.of("1", "0", "1", "0"), cells(d, "sum-severity", "medium"));
        assertEquals(List.of("1", "1", "0", "0"), cells(d, "sum-severity", "low"));
        assertEquals(List.of("1", "1", "0", "0"), cells(d, "sum-severity", "info"));
        assertEquals(List.of("5", "3", "1", "1"), cells(d, "sum-severity", "total"));
        assertEquals(List.of("2", "1", "1", "0"), cells(d, "sum-family", "SPV"));
        assertEquals(List.of("2", "1", "0", "1"), cells(d, "sum-family", "CONC"));
        assertEquals(List.of("1", "1", "0", "0"), cells(d, "sum-family", "LEASE"));
        assertEquals(List.of("2", "1", "1", "0"), cells(d, "sum-company", "evil"));
        assertEquals(List.of("2", "1", "0", "1"), cells(d, "sum-company", "oracle"));
        assertEquals(List.of("1", "1", "0", "0"), cells(d, "sum-company", "img"));
        assertTrue(text(d, "//table[@id='sum-company']//tr[@data-key='evil']/th").startsWith(SCRIPT_NAME));
        assertEquals("critical", text(d, "//table[@id='sum-company']//tr[@data-key='oracle']/td[1]"), "most severe");
        // companies by most severe finding first
        assertEquals("oracle", text(d, "//table[@id='sum-company']/tbody/tr[1]/@data-key"));
        // two new findings (high, low) at or above --fail-on low
        assertTrue(text(d, "//*[@id='failing']").startsWith("2 new findings are at or above the --fail-on level low"));
    }

    private static List<String> cells(Document d, String table, String key) throws Exception {
        NodeList tds = nodes(d, "//table[@id='" + table + "']//tr[@data-key='" + key + "']/td[contains(@class,'n')]");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tds.getLength(); i++) {
            out.add(tds.item(i).getTextContent().strip());
        }
        return out;
    }

    @Test
    void baselinedAndSuppressedFindingsShowTheirStatusAndReason() throws Exception {
        Document d = dom(render(hostile()));
        Element base = (Element) nodes(d, "//tbody[@data-fingerprint='00000000000000a2']").item(0);
        assertEquals("baselined", base.getAttribute("data-status"));
        assertEquals("baselined", text(d, "//tbody[@data-fingerprint='00000000000000a2']/tr[@class='main']/td[8]"));
        assertTrue(text(d, "//tbody[@data-fingerprint='00000000000000a2']//p[@class='triage']").equals("Baselined: " + BASELINE_REASON));

        Element supp = (Element) nodes(d, "//tbody[@data-fingerprint='00000000000000a3']").item(0);
        assertEquals("suppressed", supp.getAttribute("data-status"));
        assertEquals("suppressed", text(d, "//tbody[@data-fingerprint='00000000000000a3']/tr[@class='main']/td[8]"));
        String notes = text(d, "//tbody[@data-fingerprint='00000000000000a3']/tr[@class='detail']");
        assertTrue(notes.contains("Suppressed: " + SUPPRESS_REASON), notes);
        assertTrue(notes.contains("Severity set to critical by configuration; the rule says high"), notes);

        assertEquals("new", ((Element) nodes(d, "//tbody[@data-fingerprint='00000000000000a1']").item(0)).getAttribute("data-status"));
        // the status filter offers all three, with counts
        assertEquals("baselined (1)", text(d, "//input[@name='status'][@value='baselined']/.."));
        assertEquals("suppressed (1)", text(d, "//input[@name='status'][@value='suppressed']/.."));
    }

    @Test
    void findingRowsCarryWhatFiltersAndSortingUse() throws Exception {
        String html = render(hostile());
        Document d = dom(html);
        NodeList rows = nodes(d, "//table[@id='findings-table']/tbody");
        assertEquals(5, rows.getLength());
        List<Finding> fs = findings();
        for (int i = 0; i < rows.getLength(); i++) {
            Element b = (Element) rows.item(i);
            Finding f = fs.get(i);
            assertEquals(String.valueOf(i + 1), b.getAttribute("data-idx"));
            assertEquals(f.severity().label(), b.getAttribute("data-sev"));
            assertEquals(String.valueOf(f.severity().ordinal()), b.getAttribute("data-rank"), "severity sorts by rank");
            assertEquals(f.family(), b.getAttribute("data-family"));
            assertEquals(f.subject(), b.getAttribute("data-subject"));
            assertEquals(f.amount() == null ? "" : f.amount().amount().toPlainString(), b.getAttribute("data-amount"));
            // the main row and the detail row (explanation, standards, evidence, fingerprint) travel together
            assertEquals(2, b.getElementsByTagName("tr").getLength() - nodes(d, "//tbody[@data-idx='" + (i + 1) + "']//table//tr").getLength());
            String detail = text(d, "//tbody[@data-idx='" + (i + 1) + "']/tr[@class='detail']");
            assertTrue(detail.contains(f.fingerprint()), detail);
            assertTrue(detail.contains("IFRS 10.7"), detail);
            assertTrue(detail.contains("filings/<evil>.json:7"), detail);
            assertTrue(detail.contains("Why it matters for " + f.subject()), detail);
        }
        assertEquals("USD 27.3B", text(d, "//tbody[@data-idx='1']/tr[@class='main']/td[@class='amt']"));
        assertEquals("EUR 4.5M", text(d, "//tbody[@data-idx='5']/tr[@class='main']/td[@class='amt']"));
        assertEquals(Set.of("rank", "rule", "family", "name", "title", "amount", "status"), attrs(d, "//table[@id='findings-table']/thead//th/@data-key"));
        assertEquals(Set.of("", "CONC", "LEASE", "SPV"), attrs(d, "//select[@id='f-family']/option/@value"));
        assertEquals(Set.of("", "evil", "img", "oracle"), attrs(d, "//select[@id='f-company']/option/@value"));
        assertEquals(5, nodes(d, "//input[@name='sev']").getLength());
        assertEquals(1, nodes(d, "//label[@for='f-family']").getLength(), "filters are labelled");
        assertEquals(1, nodes(d, "//label[@for='f-company']").getLength());
        // without the script everything is shown: details are open, only the script-driven controls wait hidden
        assertEquals(0, nodes(d, "//tr[@hidden]|//tbody[@hidden]|//dd[@hidden]").getLength());
        assertEquals("", ((Element) nodes(d, "//*[@id='controls']").item(0)).getAttribute("hidden"));
        assertTrue(html.contains("tr.detail[hidden]{display:table-row!important}"), "expanded details print");
    }

    private static Set<String> attrs(Document d, String xpath) throws Exception {
        NodeList n = nodes(d, xpath);
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getNodeValue());
        }
        return out;
    }

    @Test
    void drawingHasOneNodePerEntityInvolvedAndHighlightsSevereLinks() throws Exception {
        Document d = dom(render(hostile()));
        assertEquals(Set.of("evil", "img", "beignet", "oracle", "openai"), attrs(d, "//svg//g[contains(@class,'node')]/@data-entity"));
        // a box per entity in each column it belongs to: img is about a finding and involved in another
        assertEquals(6, nodes(d, "//svg//g[contains(@class,'node')]").getLength(), "one box per entity and column");
        assertEquals(Set.of("about", "involved"), attrs(d, "//svg//g[@data-entity='img']/@data-side"));
        assertEquals(Set.of("evil", "img", "oracle"), attrs(d, "//svg//g[@data-side='about']/@data-entity"));
        assertEquals(Set.of("img", "beignet", "openai"), attrs(d, "//svg//g[@data-side='involved']/@data-entity"));
        assertEquals("Beignet Investor LLC", text(d, "//svg//g[@data-entity='beignet']/text[@class='nname']"), "names from the report");
        // subject -> each related entity, one edge per pair; high and critical findings make an edge red
        assertEquals(4, nodes(d, "//svg//g[contains(@class,'edge')]").getLength());
        // each link holds its own label: the label is the link's by the markup, not by where it happens to sit
        assertEquals("SPV-001 USD 27.3BSPV-002 USD 27.3B", text(d, "//svg//g[@data-from='evil'][@data-to='beignet']/text[@class='elabel']"));
        assertEquals("LEASE-001 EUR 4.5M", text(d, "//svg//g[@data-from='img'][@data-to='beignet']/text[@class='elabel']"));
        assertEquals(Set.of("evil>img", "evil>beignet", "oracle>openai"), pairs(d, "hi"));
        assertEquals(Set.of("img>beignet"), pairs(d, "lo"));
        assertEquals("high", text(d, "//svg//g[@data-entity='evil']/@class").replace("node sev-", ""));
        String labels = text(d, "//svg");
        assertTrue(labels.contains("SPV-001 USD 27.3B"), labels);
        assertTrue(labels.contains("SPV-002 USD 27.3B"), labels);
        assertTrue(labels.contains("CONC-001 USD 300.3B"), labels);
        assertTrue(labels.contains("LEASE-001 EUR 4.5M"), labels);
        assertEquals(4, nodes(d, "//table[@id='links-table']/tbody/tr").getLength(), "the links as a table too");
    }

    private static Set<String> pairs(Document d, String kind) throws Exception {
        NodeList n = nodes(d, "//svg//g[@class='edge " + kind + "']");
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < n.getLength(); i++) {
            Element e = (Element) n.item(i);
            out.add(e.getAttribute("data-from") + ">" + e.getAttribute("data-to"));
        }
        return out;
    }

    @Test
    void drawingStaysInsideItsBoxForThirtyEntities() throws Exception {
        List<Finding> fs = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            names.put("e" + i, "Entity number " + i + " with a rather long legal name Holdings LLC");
        }
        for (int i = 0; i < 40; i++) {
            String s = "e" + (i % 6);
            fs.add(finding(String.format("%016x", i), "SPV-00" + (i % 4 + 1), "SPV", Severity.values()[i % 5], s, names.get(s),
                    List.of(s, "e" + (6 + i % 24), "e" + ((i + 1) % 6)), Money.of(String.valueOf((i + 1) * 1000000000L), "USD"), "x",
                    Finding.Triage.NEW));
        }
        Document d = dom(render(report(fs, names, List.of(), List.of(), null)));
        assertEquals(30, attrs(d, "//svg//g[contains(@class,'node')]/@data-entity").size());
        String[] box = text(d, "//svg/@viewBox").split(" ");
        double w = Double.parseDouble(box[2]);
        double h = Double.parseDouble(box[3]);
        NodeList rects = nodes(d, "//svg//rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            double x = Double.parseDouble(r.getAttribute("x"));
            double y = Double.parseDouble(r.getAttribute("y"));
            assertTrue(x >= 0 && y >= 0 && x + Double.parseDouble(r.getAttribute("width")) <= w
                    && y + Double.parseDouble(r.getAttribute("height")) <= h, "node outside the drawing");
        }
        NodeList labels = nodes(d, "//svg//text[contains(@class,'elabel')]");
        assertEquals(nodes(d, "//svg//g[contains(@class,'edge')]").getLength(), labels.getLength(), "a label per link");
        for (int i = 0; i < labels.getLength(); i++) {
            double y = Double.parseDouble(((Element) labels.item(i)).getAttribute("y"));
            assertTrue(y > 0 && y < h, "label outside the drawing");
        }
    }

    /** {@code companies} companies, each the subject of one finding involving {@code links} entities of its own. */
    static Report market(int companies, int links) {
        List<Finding> fs = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int c = 0; c < companies; c++) {
            List<String> ents = new ArrayList<>(List.of("c" + c));
            for (int k = 0; k < links; k++) {
                ents.add("c" + c + "x" + k);
            }
            names.put("c" + c, "Company " + c);
            fs.add(finding(String.format("%016x", c), "SPV-001", "SPV", Severity.HIGH, "c" + c, "Company " + c, ents,
                    Money.of("1000000", "USD"), "x", Finding.Triage.NEW));
        }
        return report(fs, names, List.of(), List.of(), null);
    }

    @Test
    void largeGraphsAreDrawnPerCompanyThenListedOnlyAndLongTablesFolded() throws Exception {
        Document small = dom(render(market(20, 3)));
        assertEquals(1, nodes(small, "//svg").getLength(), "60 links: one drawing");
        assertEquals(0, nodes(small, "//details[@id='sum-company-fold']").getLength(), "20 companies: the table by company open");

        Document mid = dom(render(market(30, 3)));
        assertEquals(30, nodes(mid, "//details[@class='hood']/svg").getLength(), "90 links: a folded drawing per company");
        assertEquals(0, nodes(mid, "//details[@open]").getLength(), "all folded");
        assertTrue(text(mid, "//p[@id='links-mode']").startsWith("90 links are too many for one readable drawing"));
        assertEquals(30, nodes(mid, "//details[@id='sum-company-fold']/table[@id='sum-company']/tbody/tr").getLength(),
                "30 companies: the table by company folded, whole");
        Set<String> titles = attrs(mid, "//svg/title/@id");
        assertEquals(30, titles.size(), "each drawing's ids are its own");

        Document large = dom(render(market(LinkDiagram.NEIGHBOURHOOD_MAX_COMPANIES + 1, 1)));
        assertEquals(0, nodes(large, "//svg").getLength(), "above 400 companies no drawing");
        assertTrue(text(large, "//p[@id='links-mode']").contains("too many to draw"));
        assertEquals(LinkDiagram.NEIGHBOURHOOD_MAX_COMPANIES + 1, nodes(large, "//table[@id='links-table']/tbody/tr").getLength(),
                "but every link in the table");
    }

    @Test
    void errorsAndResolvedEntriesAreShown() throws Exception {
        String html = render(hostile());
        Document d = dom(html);
        assertEquals("1 error: these inputs or rules were not (fully) checked", text(d, "//section[@id='errors']/h2"));
        assertEquals("filings/<bad>.json:3: field amount: not an amount: '<b>USD</b>'", text(d, "//section[@id='errors']//li"));
        assertTrue(html.indexOf("id=\"errors\"") < html.indexOf("id=\"summary\""), "errors come first");
        assertEquals(1, nodes(d, "//table[@id='resolved-table']/tbody/tr").getLength());
        String row = text(d, "//table[@id='resolved-table']/tbody/tr");
        assertTrue(row.contains("SPV-009") && row.contains("Old <i>finding</i>") && row.contains("0123456789abcdef"), row);

        Document clean = dom(render(report(findings(), entities(), List.of(), List.of(), null)));
        assertEquals(0, nodes(clean, "//section[@id='errors']|//section[@id='resolved']").getLength());
    }

    @Test
    void emptyReportRendersWithoutDrawingOrTable() throws Exception {
        String html = render(report(List.of(), Map.of(), List.of(), List.of(), null));
        Document d = dom(html);
        assertTrue(html.contains("No findings."));
        assertEquals(0, nodes(d, "//svg|//table[@id='findings-table']").getLength());
        assertEquals("0", text(d, "//*[@id='count-findings']/span[@class='n']"));
    }

    @Test
    void escapingReplacesWhatHtmlCannotCarry() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&#39;&amp;", Html.text("<a href=\"x\">'&"));
        assertEquals("a\uFFFDb\uFFFDc\uFFFD", Html.text("a\u0000b\u0085c\uD800"));
        assertEquals("&#x2028;&#x2029;\n\t&#13;", Html.text("\u2028\u2029\n\t\r"));
        assertEquals("\uD83D\uDE00", Html.text("\uD83D\uDE00"), "a surrogate pair is kept");
        assertEquals("", Html.text(null));
        assertEquals("abcd\u2026", LinkLayout.truncate("abcdefgh", 5));
        assertEquals(List.of("Vantage Stargate campus", "vehicle (Texas)"), LinkLayout.wrap("Vantage Stargate campus vehicle (Texas)", 28));
    }

    @Test
    void shippedSampleEndToEnd() throws Exception {
        Report r = Check.run(new Check.Options(List.of(Path.of("filings").toAbsolutePath()), List.of(Path.of("rules").toAbsolutePath())));
        String html = render(r);
        assertTrue(html.contains("SPV-001"));
        assertTrue(html.contains("Meta Platforms"));
        assertEquals(html, render(r), "same report, same bytes");
        Document d = dom(html);
        assertEquals(r.risks().size(), nodes(d, "//table[@id='findings-table']/tbody").getLength());
        assertEquals(r.gaps().size(), nodes(d, "//section[@id='not-assessed']//tbody/tr").getLength(), "not-assessed findings apart");
        assertTrue(r.gaps().size() > 0);
        Set<String> involved = new TreeSet<>();
        for (Finding f : r.risks()) { // the link drawing shows the risks; not-assessed findings are listed apart
            involved.add(f.subject());
            involved.addAll(f.entities());
        }
        assertEquals(involved, attrs(d, "//svg//g[contains(@class,'node')]/@data-entity"));
        assertNotNull(nodes(d, "//svg//g[@class='edge hi']").item(0), "a flagged link");
        // kept for scripts/check-html.sh (a real browser): target/offbook-sample-report.html
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "offbook-sample-report.html"), html, StandardCharsets.UTF_8);
    }
}
