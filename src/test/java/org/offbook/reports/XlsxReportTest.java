package org.offbook.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Finding;
import org.offbook.pipeline.Check;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The XLSX workpaper, read back without fastexcel: the package is opened with java.util.zip and its
 * sheet XML parsed with the JDK's DOM parser, so what is checked is what any spreadsheet reads.
 */
class XlsxReportTest {

    @TempDir
    static Path dir;

    static Report report;
    static byte[] bytes;
    static Map<String, byte[]> parts;

    @BeforeAll
    static void hostileHyperion() throws Exception {
        String deal = TestFiles.read(TestFiles.fixture("hyperion/meta.json"))
                .replace("\"Meta Platforms, Inc.\"", "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"")
                .replace("\"Beignet Investor LLC\"", "\"-1+2 @SUM(A1) +x Co\"");
        TestFiles.write(dir, "in/meta.json", deal);
        Report r = Check.run(new Check.Options(List.of(dir.resolve("in")), List.of(TestFiles.project("rules"))));
        assertEquals(List.of(), r.errors());
        report = new Report("0.1.0-SNAPSHOT", r.inputs(), r.files(), r.skipped(), r.factsRead(), r.factsLoaded(), r.rules(),
                r.ruleFiles(), r.errors(), r.findings(), r.resolved(), "2026-01-02T03:04:05Z", r.entities(), r.failOn());
        bytes = write(report);
        parts = unzip(bytes);
    }

    static byte[] write(Report r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxReport().write(r, out);
        return out.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] xlsx) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    static Document xml(String part) throws Exception {
        byte[] b = parts.get(part);
        assertNotNull(b, "no part " + part + " in " + parts.keySet());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(b));
    }

    /** The sheet's part name, by the workbook's sheet list and its relationships. */
    static String sheetPart(String name) throws Exception {
        Document wb = xml("xl/workbook.xml");
        NodeList sheets = wb.getElementsByTagName("sheet");
        String rid = null;
        for (int i = 0; i < sheets.getLength(); i++) {
            Element s = (Element) sheets.item(i);
            if (s.getAttribute("name").equals(name)) {
                rid = s.getAttribute("r:id");
            }
        }
        assertNotNull(rid, "no sheet " + name);
        NodeList rels = xml("xl/_rels/workbook.xml.rels").getElementsByTagName("Relationship");
        for (int i = 0; i < rels.getLength(); i++) {
            Element rel = (Element) rels.item(i);
            if (rel.getAttribute("Id").equals(rid)) {
                String target = rel.getAttribute("Target");
                return target.startsWith("/") ? target.substring(1) : "xl/" + target;
            }
        }
        throw new AssertionError("no relationship " + rid);
    }

    /** One cell as read: its type attribute and its value (a shared string resolved). */
    record Cell(String type, String value, String style, boolean formula) {
    }

    /** A sheet's cells by reference (A1, B2, ...). */
    static Map<String, Cell> sheet(String name) throws Exception {
        List<String> shared = new ArrayList<>();
        NodeList si = xml("xl/sharedStrings.xml").getElementsByTagName("si");
        for (int i = 0; i < si.getLength(); i++) {
            shared.add(si.item(i).getTextContent());
        }
        Map<String, Cell> cells = new HashMap<>();
        NodeList cs = xml(sheetPart(name)).getElementsByTagName("c");
        for (int i = 0; i < cs.getLength(); i++) {
            Element c = (Element) cs.item(i);
            String type = c.getAttribute("t");
            NodeList v = c.getElementsByTagName("v");
            NodeList is = c.getElementsByTagName("is");
            String value = v.getLength() == 0 ? (is.getLength() == 0 ? "" : is.item(0).getTextContent()) : v.item(0).getTextContent();
            if (type.equals("s")) {
                value = shared.get(Integer.parseInt(value));
            }
            cells.put(c.getAttribute("r"), new Cell(type, value, c.getAttribute("s"), c.getElementsByTagName("f").getLength() > 0));
        }
        return cells;
    }

    static int rowOf(Map<String, Cell> cells, String column, String value) {
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            if (e.getKey().matches(column + "\\d+") && e.getValue().value().equals(value)) {
                return Integer.parseInt(e.getKey().substring(column.length()));
            }
        }
        throw new AssertionError("no cell " + value + " in column " + column);
    }

    @Test
    void findingsSheetHasOneRowPerFindingWithNumbersAsNumbers() throws Exception {
        Map<String, Cell> cells = sheet("Findings");
        for (int c = 0; c < XlsxReport.FINDINGS.length; c++) {
            assertEquals(XlsxReport.FINDINGS[c], cells.get((char) ('A' + c) + "1").value());
        }
        long rows = cells.keySet().stream().filter(k -> k.startsWith("A")).count();
        assertEquals(report.findings().size() + 1, rows);
        Finding spv = report.findings().stream().filter(f -> f.ruleId().equals("SPV-001")).findFirst().orElseThrow();
        int row = rowOf(cells, "A", spv.fingerprint());
        assertEquals("SPV-001", cells.get("B" + row).value());
        assertEquals("new", cells.get("D" + row).value());
        assertEquals("n", cells.get("I" + row).type(), "an amount is a number cell");
        assertEquals(0, new java.math.BigDecimal("27300000000").compareTo(new java.math.BigDecimal(cells.get("I" + row).value())));
        assertEquals("USD", cells.get("J" + row).value());
        assertTrue(cells.get("L" + row).value().contains("meta.json:9"), cells.get("L" + row).value());
        assertEquals(spv.explanation(), cells.get("H" + row).value());
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws Exception {
        for (String name : List.of("Findings", "Evidence", "Inputs", "Problems", "Run")) {
            for (Map.Entry<String, Cell> e : sheet(name).entrySet()) {
                assertFalse(e.getValue().formula(), "formula in " + name + "!" + e.getKey());
                assertTrue(e.getValue().type().equals("s") || e.getValue().type().equals("inlineStr") || e.getValue().type().equals("n") || e.getValue().type().isEmpty(),
                        name + "!" + e.getKey() + " has type " + e.getValue().type());
            }
        }
        Map<String, Cell> cells = sheet("Findings");
        Finding spv = report.findings().stream().filter(f -> f.ruleId().equals("SPV-001")).findFirst().orElseThrow();
        Cell name = cells.get("F" + rowOf(cells, "A", spv.fingerprint()));
        assertEquals("s", name.type());
        assertEquals("=HYPERLINK(\"http://x\",\"y\")", name.value(), "shown as read, with no apostrophe added");
        Finding spv2 = report.findings().stream().filter(f -> f.ruleId().equals("SPV-002")).findFirst().orElseThrow();
        Cell explanation = cells.get("H" + rowOf(cells, "A", spv2.fingerprint()));
        assertTrue(explanation.value().startsWith("-1+2 @SUM(A1) +x Co is funded"), explanation.value());
        assertEquals("inlineStr", explanation.type(), "a text starting with - is a string cell as written");
        for (byte[] part : parts.values()) {
            assertFalse(new String(part, StandardCharsets.UTF_8).contains("<f>"), "a formula element");
        }
    }

    @Test
    void headerIsFrozenAndFiltered() throws Exception {
        for (String name : List.of("Findings", "Evidence", "Inputs", "Problems", "Run")) {
            Document d = xml(sheetPart(name));
            Element pane = (Element) d.getElementsByTagName("pane").item(0);
            assertEquals("frozen", pane.getAttribute("state"), name);
            assertEquals("1", pane.getAttribute("ySplit"), name);
            assertEquals(1, d.getElementsByTagName("autoFilter").getLength(), name);
            assertTrue(((Element) d.getElementsByTagName("autoFilter").item(0)).getAttribute("ref").startsWith("A1:"), name);
            assertTrue(d.getElementsByTagName("col").getLength() > 0, name + " sets column widths");
        }
    }

    @Test
    void evidenceInputsAndRunReconcileWithTheReport() throws Exception {
        Map<String, Cell> ev = sheet("Evidence");
        long evidence = report.findings().stream().mapToLong(f -> f.evidence().size()).sum();
        assertEquals(evidence + 1, ev.keySet().stream().filter(k -> k.matches("A\\d+")).count());
        assertEquals("n", ev.get("D2").type(), "a line number is a number");

        Map<String, Cell> in = sheet("Inputs");
        assertEquals(report.files().size() + report.skipped().size() + 1, in.keySet().stream().filter(k -> k.matches("A\\d+")).count());
        long read = 0;
        for (int row = 2; row <= report.files().size() + 1; row++) {
            read += Long.parseLong(in.get("C" + row).value());
            assertEquals(Long.parseLong(in.get("C" + row).value()) - Long.parseLong(in.get("D" + row).value()),
                    Long.parseLong(in.get("E" + row).value()));
        }
        assertEquals(report.factsRead(), read);

        Map<String, Cell> run = sheet("Run");
        assertEquals("0.1.0-SNAPSHOT", run.get("B" + rowOf(run, "A", "version")).value());
        assertEquals(String.valueOf(report.rules().size()), run.get("B" + rowOf(run, "A", "rules")).value());
        assertEquals(String.valueOf(report.findings().size()), run.get("B" + rowOf(run, "A", "findings")).value());
        Cell at = run.get("B" + rowOf(run, "A", "generated at (UTC)"));
        assertEquals("n", at.type(), "a date is a number with a date format");
        // 2026-01-02T03:04:05Z as a spreadsheet serial: days since 1899-12-30
        assertEquals(46024 + (3 * 3600 + 4 * 60 + 5) / 86400.0, Double.parseDouble(at.value()), 1e-6);
        assertTrue(new String(parts.get("xl/styles.xml"), StandardCharsets.UTF_8).contains("yyyy-mm-dd hh:mm:ss"));
        String core = new String(parts.get("docProps/core.xml"), StandardCharsets.UTF_8);
        assertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-02T03:04:05Z</dcterms:created>"), core);
    }

    @Test
    void sameReportSameBytesAndNoClockWithoutARunDate() throws Exception {
        Thread.sleep(1100); // a clock in the output would now differ
        assertArrayEquals(bytes, write(report));
        Report undated = new Report(report.toolVersion(), report.inputs(), report.files(), report.skipped(), report.factsRead(),
                report.factsLoaded(), report.rules(), report.ruleFiles(), report.errors(), report.findings(), report.resolved(), null,
                report.entities(), report.failOn());
        byte[] first = write(undated);
        String core = new String(unzip(first).get("docProps/core.xml"), StandardCharsets.UTF_8);
        assertFalse(core.contains("created"), core);
        assertArrayEquals(first, write(undated));
    }

    @Test
    void aTextLongerThanACellIsCutAndSaysSo() {
        String cell = XlsxReport.cell("x".repeat(40_000));
        assertEquals(XlsxReport.MAX_CELL, cell.length());
        assertTrue(cell.endsWith("see the JSON report]"));
        assertEquals("short", XlsxReport.cell("short"));
        assertEquals("a\uFFFDb", XlsxReport.cell("a\u0001b"), "a character XML cannot carry is replaced");
    }

    @Test
    void writtenThroughReportFilesAsAFile() throws Exception {
        Path out = dir.resolve("w.xlsx");
        ReportFiles.write(Formats.get("xlsx"), report, out);
        assertArrayEquals(bytes, Files.readAllBytes(out));
    }
}
