package org.offbook.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.cli.Main;
import org.offbook.reports.ReportFiles;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reports of hostile names stay inert: in a spreadsheet (CSV formula neutralisation), a browser
 * (HTML and SVG escaping), a terminal (no control sequences), and in the JSON, SARIF and XML
 * readers of other tools (the names round-trip exactly as data). Output paths are checked before
 * anything runs.
 */
class OutputSafetyTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String FORMULA = "=HYPERLINK(\"x\")";
    static final String DDE = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String IMG = "<img src=x onerror=alert(2)>";

    @TempDir
    Path root;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Hyperion filing with Meta named as a formula, Beignet as a script, Blue Owl as a DDE call, and a bad reference named as markup. */
    private Hostile.Run hostileRun() {
        Hostile.caseFolder(root);
        String deal = TestFiles.read(root.resolve("in/meta.json"))
                .replace("\"Meta Platforms, Inc.\"", json(FORMULA))
                .replace("\"Beignet Investor LLC\"", json(SCRIPT))
                .replace("\"Blue Owl Capital\"", json(DDE))
                .replace("\"source\": \"DOMAIN.md case 1\"", "\"source\": " + json("-2+3 " + IMG));
        Hostile.write(root, "in/meta.json", deal);
        Hostile.write(root, "in/ref.json", BadInputs.doc("roles", "{\"entity\": " + json(IMG) + ", \"target\": \"beignet\", \"role\": \"operator\"}"));
        return Hostile.check(root);
    }

    private static String json(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hostileNamesGoThroughEveryFormatAsInertText() throws Exception {
        Hostile.Run r = hostileRun();
        Hostile.assertNoLeaks(r);
        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        Hostile.assertErrors(r, List.of("in/ref.json:3: field 'entity': unknown entity '" + IMG
                + "': no file defines it (add it to an \"entities\" list); fact rejected"));

        // JSON and SARIF: valid, and the names come back exactly, as data
        JsonNode report = r.json();
        JsonNode spv = null;
        for (JsonNode f : report.path("findings")) {
            if (f.path("ruleId").asText().equals("SPV-001")) {
                spv = f;
            }
        }
        assertTrue(spv != null, r.out());
        assertEquals(FORMULA, spv.path("subject").path("name").asText());
        assertTrue(spv.path("explanation").asText().contains(SCRIPT), spv.path("explanation").asText());
        JsonNode sarif = JSON.readTree(r.reports().get("sarif"));
        boolean sarifName = false;
        for (JsonNode res : sarif.path("runs").get(0).path("results")) {
            sarifName |= res.path("properties").path("subjectName").asText().equals(FORMULA);
        }
        assertTrue(sarifName, "SARIF subjectName round-trips");
        assertTrue(sarif.path("runs").get(0).path("invocations").get(0).path("toolExecutionNotifications").get(0)
                .path("message").path("text").asText().contains(IMG));

        // CSV: no cell a spreadsheet would evaluate; the formula name is kept, behind an apostrophe
        List<String[]> rows;
        try (CSVReader csv = new CSVReader(new StringReader(r.reports().get("csv")))) {
            rows = csv.readAll();
        }
        assertTrue(rows.size() > 1);
        boolean quotedFormula = false;
        for (String[] row : rows) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0, "live formula cell: " + cell);
                assertFalse(cell.startsWith("-") && !cell.matches("-?\\d+(\\.\\d+)?"), "live formula cell: " + cell);
                quotedFormula |= cell.equals("'" + FORMULA);
            }
        }
        assertTrue(quotedFormula, "the subject name cell is '" + FORMULA);
        assertTrue(r.reports().get("csv").contains(SCRIPT), "inside a cell the script is just text");

        // HTML (text, attributes and the SVG drawing): escaped, one script element (the page's own), a strict CSP
        String html = r.reports().get("html");
        for (String raw : List.of(SCRIPT, IMG, "<img", "onerror=alert(2)>")) {
            assertFalse(html.contains(raw), "raw input in the page: " + raw);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped script name");
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"), "escaped markup in an error message");
        assertEquals(1, html.split("<script", -1).length - 1, "only the report's own script element");
        assertTrue(html.contains("default-src 'none'"), "content security policy");
        Document page = xml(html.replaceFirst("(?i)^<!DOCTYPE html>", "").replaceAll("(?s)<style>.*?</style>", "<style></style>").replaceAll("(?s)<script>.*?</script>", "<script></script>"));
        assertEquals(0, nodes(page, "//img|//iframe|//object|//embed").getLength(), "markup from the input became elements");
        assertEquals(0, nodes(page, "//@*[starts-with(translate(name(),'ON','on'),'on')]").getLength(), "an event-handler attribute");
        assertTrue(nodes(page, "//svg").getLength() > 0, "the drawing is there");
        assertTrue(page.getDocumentElement().getTextContent().contains(SCRIPT), "the name reads back as text");

        // JUnit XML: well-formed, names round-trip in attributes and text
        Document junit = xml(r.reports().get("junit"));
        NodeList cases = nodes(junit, "//testcase");
        boolean named = false;
        for (int i = 0; i < cases.getLength(); i++) {
            // a case per finding: "name (id) fingerprint"
            named |= ((org.w3c.dom.Element) cases.item(i)).getAttribute("name").matches(java.util.regex.Pattern.quote(FORMULA + " (meta) ") + "[0-9a-f]{16}");
        }
        assertTrue(named, "JUnit names the formula entity exactly");
        assertTrue(nodes(junit, "//error[contains(@message, 'onerror=alert(2)')]").getLength() == 1, "the error message reads back");

        // text: the names are text; nothing a terminal acts on
        assertTrue(r.reports().get("text").contains(FORMULA) && r.reports().get("text").contains(SCRIPT));
    }

    @Test
    void controlSequencesAndBidiOverridesNeverReachTheTerminal() throws Exception {
        Hostile.caseFolder(root);
        String reversed = "Meta \u202Egnp.exe\u202C Inc.";
        String deal = TestFiles.read(root.resolve("in/meta.json")).replace("\"Meta Platforms, Inc.\"", json(reversed));
        Hostile.write(root, "in/meta.json", deal);
        // an unknown field whose name holds ESC [2J (clear screen): the name reaches the error message
        Hostile.write(root, "in/esc.json", BadInputs.doc("stakes",
                "{\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": 0.1, \"x\\u001b[2J\": 1, \"n\\u009b31m\": 2}"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "check", root.resolve("in").toString(), "--rules",
                root.resolve("rules").toString());
        assertEquals(Main.LOAD_ERRORS, code, err.toString());
        String text = out + err.toString();
        for (char c : new char[] {'\u001b', '\u009b', '\u202E', '\u202C', '\u0007'}) {
            assertEquals(-1, text.indexOf(c), "U+" + Integer.toHexString(c) + " reached the terminal");
        }
        assertTrue(text.contains("field 'x\\u001B[2J': unknown field for stakes"), text);
        assertTrue(text.contains("field 'n\\u009B31m': unknown field for stakes"), text);
        // issue 13: a name with a bidirectional override is refused at load, and the message shows it escaped
        assertTrue(text.contains("field 'name': contains the bidirectional control U+202E"), text);
    }

    /** A file name is input too: one holding a line break and markup stays one line of text, and inert in HTML. */
    @Test
    void aFileNameWithALineBreakAndMarkupStaysOneInertLine() throws Exception {
        Hostile.caseFolder(root);
        String name = "evil\n<b>=1+1.json";
        Hostile.write(root, "in/" + name, BadInputs.doc("stakes", "{\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": 7}"));
        Hostile.Run r = Hostile.check(root);
        Hostile.assertNoLeaks(r); // with Problem's one-line toString, standard error too
        assertEquals(Main.LOAD_ERRORS, r.code(), r.err());
        assertEquals("in/" + name, r.json().path("errors").get(0).path("file").asText(), "JSON keeps the name exactly");
        String line = "in/evil\\n<b>=1+1.json:3: field 'share': a share must be between 0 and 1 (or 0% and 100%), found 7";
        assertTrue(r.reports().get("text").lines().anyMatch(l -> l.equals("  " + line)), r.reports().get("text"));
        assertFalse(r.reports().get("html").contains("<b>"), "markup in a file name is escaped");
        assertTrue(r.reports().get("html").contains("evil\n&lt;b&gt;=1+1.json"), "and shown");
        Hostile.assertGoodFindingReported(r);
    }

    /** Regression: an unpaired surrogate in a report made writing the file fail with an internal error (exit 1). */
    @Test
    void aReportWithTextUtf8CannotEncodeIsStillWritten() throws Exception {
        Path file = root.resolve("r.txt");
        ReportFiles.writeText("a\uD800b\uDC00c\uD83D\uDE00", file);
        assertArrayEquals("a?b?c\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    @Test
    void outputPathsAreCheckedBeforeAnythingRuns() throws Exception {
        Hostile.caseFolder(root);
        Hostile.write(root, "in/bad.json", "{");
        Files.createDirectories(root.resolve("out/a-folder"));
        List<List<String>> bad = new ArrayList<>();
        bad.add(List.of("--output", root.resolve("no/such/folder/r.json").toString()));
        bad.add(List.of("--report", "html=" + root.resolve("out/a-folder")));
        bad.add(List.of("--report", "sarif=" + root.resolve("no/such/folder/r.sarif")));
        bad.add(List.of("--report", "csv="));
        bad.add(List.of("--report", "xml=" + root.resolve("out/r.xml")));
        bad.add(List.of("--write-baseline", root.resolve("out/a-folder").toString()));
        for (List<String> args : bad) {
            List<String> all = new ArrayList<>(List.of("check", root.resolve("in").toString(), "--rules", root.resolve("rules").toString()));
            all.addAll(args);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
            assertEquals(Main.USAGE, code, args + ": " + err);
            assertEquals("", out.toString(), args + ": nothing was checked, nothing reported");
            assertFalse(err.toString().contains("\tat ") || err.toString().contains("Exception"), err.toString());
        }
        try (var files = Files.list(root.resolve("out"))) {
            assertEquals(List.of(root.resolve("out/a-folder")), files.toList(), "no report file was left behind");
        }
    }

    @Test
    void anUnwritableFolderIsAUsageErrorWherePermissionsApply() throws Exception {
        Hostile.caseFolder(root);
        Path locked = root.resolve("out/locked");
        Files.createDirectories(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            boolean writable = Files.isWritable(locked);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "check", root.resolve("in").toString(), "--rules",
                    root.resolve("rules").toString(), "--output", locked.resolve("r.json").toString(), "--format", "json");
            if (writable) {
                // as root the permission bits do not apply: the report is written
                assertEquals(Main.FINDINGS, code, err.toString());
                assertTrue(Files.exists(locked.resolve("r.json")));
            } else {
                assertEquals(Main.USAGE, code, err.toString());
                assertTrue(err.toString().contains("not writable"), err.toString());
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A report path that is a symbolic link is replaced; what it points at is never written through. */
    @Test
    void aReportPathThatIsASymbolicLinkIsReplacedNotWrittenThrough() throws Exception {
        Hostile.caseFolder(root);
        Path victim = Files.writeString(root.resolve("victim.txt"), "precious");
        Path link = root.resolve("out/report.json");
        Files.createSymbolicLink(link, victim);
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "check", root.resolve("in").toString(),
                "--rules", root.resolve("rules").toString(), "--format", "json", "--output", link.toString());
        assertEquals(Main.FINDINGS, code, err.toString());
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(link));
        assertTrue(Files.readString(link).startsWith("{"));
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static NodeList nodes(Document d, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
    }
}
