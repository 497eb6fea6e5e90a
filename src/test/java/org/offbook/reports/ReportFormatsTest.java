package org.offbook.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.pipeline.Check;
import org.offbook.TestFiles;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** CSV, SARIF and JUnit renderings of one report, including input that tries to be code. */
class ReportFormatsTest {

    @TempDir
    static Path dir;

    static Report report;

    @BeforeAll
    static void hostileHyperion() {
        String deal = TestFiles.read(TestFiles.fixture("hyperion/meta.json"))
                .replace("\"Meta Platforms, Inc.\"", "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"")
                .replace("\"Beignet Investor LLC\"", "\"<script>alert(1)</script> & \\\"Co\\\"\"");
        TestFiles.write(dir, "in/meta.json", deal);
        report = Check.run(new Check.Options(List.of(dir.resolve("in")), List.of(TestFiles.project("rules"))));
        assertEquals(List.of(), report.errors());
    }

    static String render(Renderer r) throws Exception {
        StringWriter w = new StringWriter();
        r.render(report, w);
        return w.toString();
    }

    @Test
    void githubAnnotationsOnePerNewFindingEscapedSoInputCannotStartACommand() throws Exception {
        String text = render(new GithubReport());
        List<String> lines = text.lines().toList();
        assertEquals(report.count("new"), lines.size(), text);
        for (String line : lines) {
            assertTrue(line.matches("::(error|warning|notice) file=[^,:]+,line=[1-9][0-9]*,title=[^:]*::.*"), line);
        }
        assertTrue(text.contains("%3DHYPERLINK") || text.contains("=HYPERLINK(\"http%3A//x\"%2C"), "the hostile name is escaped: " + text);
    }

    @Test
    void markdownSummaryCountsAndATableRowPerFindingWithInputEscaped() throws Exception {
        String md = render(new MarkdownSummary());
        assertTrue(md.startsWith("## offbook: " + report.findings().size() + " findings, "), md);
        assertEquals(report.findings().size(), md.lines().dropWhile(l -> !l.startsWith("| severity | rule")).skip(2).count(), md);
        assertFalse(md.contains("<script>"), "input text cannot add HTML: " + md);
        assertEquals("&lt;script&gt; a\\|b \\*c\\* d", MarkdownSummary.cell("<script> a|b\n*c* d"), "nor cells, emphasis or lines");
    }

    @Test
    void gitlabCodeQualityIssuePerNewFindingWithTheFieldsGitlabReads() throws Exception {
        JsonNode issues = new ObjectMapper().readTree(render(new GitlabReport()));
        assertTrue(issues.isArray());
        assertEquals(report.count("new"), issues.size());
        java.util.Set<String> fingerprints = new java.util.HashSet<>();
        for (JsonNode i : issues) {
            assertTrue(List.of("info", "minor", "major", "critical", "blocker").contains(i.path("severity").asText()), i.toString());
            assertFalse(i.path("description").asText().isEmpty());
            assertFalse(i.path("check_name").asText().isEmpty());
            assertTrue(i.path("location").path("path").asText().endsWith(".json"), i.toString());
            assertTrue(i.path("location").path("lines").path("begin").asInt() >= 1, i.toString());
            assertTrue(fingerprints.add(i.path("fingerprint").asText()), "unique fingerprints");
        }
    }

    @Test
    void csvBomIsTheSameCsvAfterAUtf8ByteOrderMarkForExcel() throws Exception {
        Path file = dir.resolve("findings-bom.csv");
        ReportFiles.write(Formats.get("csv-bom"), report, file);
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "starts with the UTF-8 byte-order mark");
        assertEquals(render(new CsvReport()), new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(render(new CsvReport()).startsWith("ruleId,"), "plain csv has no mark");
    }

    @Test
    void csvHasOneRowPerFindingAndFormulaCellsAreInert() throws Exception {
        List<String[]> rows;
        try (CSVReader csv = new CSVReader(new StringReader(render(new CsvReport())))) {
            rows = csv.readAll();
        }
        assertEquals(String.join(",", CsvReport.HEADER), String.join(",", rows.get(0)));
        assertEquals(report.findings().size() + 1, rows.size());
        String[] spv = rows.stream().filter(r -> r[0].equals("SPV-001")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", spv[4]);
        assertTrue(spv[9].startsWith("'=HYPERLINK"), spv[9]);
        assertEquals("27300000000", spv[6]);
        assertEquals("USD", spv[7]);
        assertTrue(spv[13].contains("meta.json:9"), spv[13]);
        assertEquals("new", spv[15]);
        for (String[] row : rows) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0, "live formula cell: " + cell);
                assertFalse(cell.startsWith("-") && !cell.matches("-?\\d+(\\.\\d+)?"), "live formula cell: " + cell);
            }
        }
    }

    @Test
    void neutralisingLeavesNumbersAndTextAlone() {
        assertEquals("-46000000", CsvReport.neutralise("-46000000"));
        assertEquals("'-1+1", CsvReport.neutralise("-1+1"));
        assertEquals("'@SUM(A1)", CsvReport.neutralise("@SUM(A1)"));
        assertEquals("'\tx", CsvReport.neutralise("\tx"));
        assertEquals("Meta", CsvReport.neutralise("Meta"));
    }

    @Test
    void sarifDescribesRulesAndPointsResultsAtEvidence() throws Exception {
        JsonNode root = new ObjectMapper().readTree(render(new SarifReport()));
        assertEquals("2.1.0", root.path("version").asText());
        JsonNode run = root.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertEquals(report.rules().size(), rules.size());
        JsonNode result = run.path("results").get(0);
        JsonNode rule = rules.get(result.path("ruleIndex").asInt());
        assertEquals(result.path("ruleId").asText(), rule.path("id").asText());
        assertTrue(rule.path("help").path("markdown").asText().length() > 20);
        assertTrue(rule.path("properties").path("standards").size() > 0);
        assertEquals("error", result.path("level").asText(), "high maps to error");
        assertEquals(report.findings().get(0).fingerprint(), result.path("partialFingerprints").path(SarifReport.FINGERPRINT_KEY).asText());
        JsonNode loc = result.path("locations").get(0).path("physicalLocation");
        assertTrue(loc.path("artifactLocation").path("uri").asText().startsWith("file:"), "absolute paths become file: URIs");
        assertTrue(loc.path("region").path("startLine").asInt() > 0);
        assertTrue(result.path("relatedLocations").size() > 0);
        assertFalse(result.has("baselineState"), "no baseline was compared");
    }

    @Test
    void sarifUrisOfRelativePathsStayRelativeAndEncoded() {
        assertEquals("filings/meta/hyperion.json", SarifReport.uri("filings/meta/hyperion.json"));
        assertEquals("filings/a%20b/c%23d.json", SarifReport.uri("filings/a b/c#d.json"));
    }

    @Test
    void junitHasACasePerFindingAndAFailurePerFindingAtFailOn() throws Exception {
        String xml = render(new JunitReport());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertEquals(report.findings().size(), doc.getElementsByTagName("testcase").getLength());
        assertEquals(report.failing().size(), doc.getElementsByTagName("failure").getLength());
        assertTrue(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"), "names escaped in attributes");
        assertFalse(xml.contains("<script>"));
    }

    @Test
    void everyFormatIsByteIdenticalAcrossRuns() throws Exception {
        for (String name : Formats.names()) {
            java.io.ByteArrayOutputStream a = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            Formats.get(name).write(report, a);
            Formats.get(name).write(report, b);
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.toByteArray(), b.toByteArray(), name);
        }
    }
}
