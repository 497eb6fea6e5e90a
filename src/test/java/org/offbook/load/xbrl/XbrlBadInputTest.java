package org.offbook.load.xbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Problem;

/** Bad input to the XBRL reader: each ends in a clear message with file and line; the rest is read. */
class XbrlBadInputTest {

    @TempDir
    Path dir;

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"\n"
            + " xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\"\n"
            + " xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\"\n"
            + " xmlns:dei=\"http://xbrl.sec.gov/dei/2024\" xmlns:srt=\"http://fasb.org/srt/2024\" xmlns:acme=\"http://acme.example/2024\"\n"
            + " xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\"\n"
            + " xmlns:ixt-sec=\"http://www.sec.gov/inlineXBRL/transformation/2015-08-31\"\n"
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            + "<head><title>t</title></head><body>\n"
            + "<div style=\"display:none\"><ix:header><ix:hidden>\n"
            + "<ix:nonNumeric name=\"dei:EntityCentralIndexKey\" contextRef=\"c-1\">0000999999</ix:nonNumeric>\n"
            + "</ix:hidden><ix:resources>\n"
            + "<xbrli:context id=\"c-1\"><xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0000999999</xbrli:identifier></xbrli:entity>"
            + "<xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>\n"
            + "<xbrli:context id=\"c-2\"><xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0000999999</xbrli:identifier>"
            + "<xbrli:segment><xbrldi:explicitMember dimension=\"srt:RangeAxis\">srt:MaximumMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity>"
            + "<xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>\n"
            + "<xbrli:unit id=\"usd\"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>\n"
            + "</ix:resources></ix:header></div>\n";
    static final String TAIL = "</body></html>\n";

    /** An inline XBRL document with {@code body} after the header (line 17 onwards). */
    static String ix(String body) {
        return HEAD + body + TAIL;
    }

    static final int BODY_LINE = 17;

    private Path write(String name, String content) {
        return TestFiles.write(dir, name, content);
    }

    private XbrlDocument read(Path p) {
        return XbrlReader.read(p.getFileName().toString(), p, Limits.DEFAULT);
    }

    private XbrlDocument read(Path p, Limits limits) {
        return XbrlReader.read(p.getFileName().toString(), p, limits);
    }

    private static String problems(XbrlDocument d) {
        return d.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static XbrlFact fact(XbrlDocument d, String local) {
        return d.facts().stream().filter(f -> f.localName().equals(local)).findFirst().orElseThrow(() -> new AssertionError(local + " not read"));
    }

    @Test
    void wellFormedSyntheticDocumentReads() {
        XbrlDocument d = read(write("ok.htm", ix("<p>Total <ix:nonFraction name=\"us-gaap:PurchaseObligation\" contextRef=\"c-1\" unitRef=\"usd\" "
                + "decimals=\"-6\" scale=\"6\" format=\"ixt:num-dot-decimal\">1,234</ix:nonFraction></p>\n")));
        assertEquals("", problems(d));
        assertEquals(0, new BigDecimal("1234000000").compareTo(fact(d, "PurchaseObligation").value()));
        assertEquals(BODY_LINE, fact(d, "PurchaseObligation").provenance().line());
        assertEquals("0000999999", d.dei().cik());
    }

    @Test
    void notWellFormed() {
        XbrlDocument d = read(write("broken.htm", ix("<p><b>bold</p>\n")));
        assertFalse(d.complete());
        assertEquals(1, d.problems().size(), problems(d));
        Problem e = d.problems().get(0);
        assertEquals(BODY_LINE, e.line());
        assertTrue(e.message().startsWith("not well-formed XML"), e.message());
    }

    @Test
    void truncatedFileAndTruncatedGzip() throws IOException {
        String full = ix("<p><ix:nonFraction name=\"us-gaap:PurchaseObligation\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\">5</ix:nonFraction></p>\n");
        XbrlDocument d = read(write("cut.htm", full.substring(0, full.length() - 30)));
        assertFalse(d.complete());
        assertTrue(problems(d).contains("truncated or not well-formed XML"), problems(d));
        assertEquals(1, d.facts().size(), "the facts before the cut are kept");

        byte[] gz = gzip(full.getBytes(StandardCharsets.UTF_8));
        Path p = dir.resolve("cut.htm.gz");
        Files.write(p, java.util.Arrays.copyOf(gz, gz.length / 2));
        XbrlDocument g = read(p);
        assertFalse(g.complete());
        assertTrue(problems(g).contains("truncated file (the compressed data ends early)"), problems(g));
    }

    @Test
    void gzNameButNotGzip() throws IOException {
        Path p = write("plain.htm.gz", ix(""));
        assertEquals(XbrlDocument.Kind.INLINE, XbrlReader.recognise(p), "handed to the reader, to be reported");
        XbrlDocument d = read(p);
        assertEquals("plain.htm.gz: named .gz but is not gzip-compressed (no gzip header); file not read", problems(d));
    }

    @Test
    void undefinedContextAndUnitAreErrorsOfThatFactOnly() {
        XbrlDocument d = read(write("refs.htm", ix(
                "<p><ix:nonFraction name=\"us-gaap:PurchaseObligation\" contextRef=\"c-9\" unitRef=\"usd\" decimals=\"0\">5</ix:nonFraction></p>\n"
                + "<p><ix:nonFraction name=\"us-gaap:OperatingLeaseLiability\" contextRef=\"c-1\" unitRef=\"eur\" decimals=\"0\">6</ix:nonFraction></p>\n"
                + "<p><ix:nonFraction name=\"us-gaap:FinanceLeaseLiability\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\">7</ix:nonFraction></p>\n")));
        assertEquals("refs.htm:" + BODY_LINE + ":" + column(d, 0) + ": field 'us-gaap:PurchaseObligation': undefined context 'c-9'; fact not read\n"
                + "refs.htm:" + (BODY_LINE + 1) + ":" + column(d, 1) + ": field 'us-gaap:OperatingLeaseLiability': undefined unit 'eur'; fact not read",
                problems(d));
        assertEquals(0, new BigDecimal("7").compareTo(fact(d, "FinanceLeaseLiability").value()));
        assertTrue(d.complete());
    }

    private static int column(XbrlDocument d, int i) {
        return d.problems().get(i).column();
    }

    @Test
    void unknownTransformAndBadValue() {
        XbrlDocument d = read(write("fmt.htm", ix(
                "<p><ix:nonFraction name=\"us-gaap:PurchaseObligation\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\" format=\"ixt:num-roman\">XII</ix:nonFraction></p>\n"
                + "<p><ix:nonFraction name=\"us-gaap:OperatingLeaseLiability\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\" format=\"ixt:num-dot-decimal\">12,34x</ix:nonFraction></p>\n"
                + "<p><ix:nonFraction name=\"us-gaap:FinanceLeaseLiability\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\" format=\"ixt:num-dot-decimal\">1,234.5</ix:nonFraction></p>\n")));
        assertEquals(2, d.problems().size(), problems(d));
        assertTrue(d.problems().get(0).message().startsWith("unknown transform num-roman"), problems(d));
        assertEquals(BODY_LINE, d.problems().get(0).line());
        assertTrue(d.problems().get(1).message().contains("'12,34x' is not a number for num-dot-decimal"), problems(d));
        assertEquals(0, new BigDecimal("1234.5").compareTo(fact(d, "FinanceLeaseLiability").value()));
    }

    @Test
    void billionLaughsEndsInAClearError() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n<!ENTITY lol \"lol\">\n");
        sb.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                sb.append("&lol").append(i - 1).append(';');
            }
            sb.append("\">\n");
        }
        sb.append("]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"><body>&lol9;</body></html>\n");
        XbrlDocument d = read(write("laughs.htm", sb.toString()));
        assertFalse(d.complete());
        assertTrue(d.facts().isEmpty());
        assertEquals(1, d.problems().size(), problems(d));
        assertTrue(d.problems().get(0).message().contains("DOCTYPE with declarations or an external reference: refused"), problems(d));
    }

    @Test
    void aPrologTheParserCannotStartOnIsReportedNotThrown() {
        // found by the fuzzing of the loader: the parser fails before its first event
        XbrlDocument d = read(write("prolog.htm", ix("").replace("encoding=\"UTF-8\"", "encoding=\"no-such-charset\"")));
        assertFalse(d.complete());
        assertEquals(1, d.problems().size(), problems(d));
        assertTrue(d.facts().isEmpty());
    }

    @Test
    void externalReferenceNeverFetched() {
        XbrlDocument d = read(write("xxe.htm", "<?xml version=\"1.0\"?>\n<!DOCTYPE html SYSTEM \"http://127.0.0.1:9/never.dtd\">\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"><body/></html>\n"));
        assertFalse(d.complete());
        assertTrue(problems(d).contains("refused"), problems(d));
        // an undeclared entity without any DOCTYPE is not expanded either
        XbrlDocument e = read(write("entity.htm", ix("<p>&nbsp;</p>\n")));
        assertFalse(e.complete());
        assertTrue(problems(e).contains("entit"), problems(e));
    }

    @Test
    void hugeTextFactIsCutAndReported() {
        String big = "x".repeat(5000);
        XbrlDocument d = read(write("big.htm", ix("<div><ix:nonNumeric name=\"us-gaap:LeasesTextBlock\" contextRef=\"c-1\">" + big
                + "</ix:nonNumeric></div>\n")), Limits.DEFAULT.withMaxTextChars(1000));
        XbrlFact f = fact(d, "LeasesTextBlock");
        assertTrue(f.truncated());
        assertEquals(1000, f.text().length());
        assertEquals("big.htm:" + BODY_LINE + ":" + d.problems().get(0).column()
                + ": field 'us-gaap:LeasesTextBlock': text longer than 1000 characters; cut there", problems(d));
    }

    @Test
    void errorsPerFileAreCappedAndTheRestCounted() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            body.append("<p><ix:nonFraction name=\"us-gaap:PurchaseObligation\" contextRef=\"nope").append(i)
                    .append("\" unitRef=\"usd\" decimals=\"0\">1</ix:nonFraction></p>\n");
        }
        XbrlDocument d = read(write("many.htm", ix(body.toString())), Limits.DEFAULT.withMaxErrors(10));
        assertEquals(11, d.problems().size());
        assertEquals("many.htm: 15 more problems not listed (at most 10 are listed per file)", d.problems().get(10).toString());
    }

    @Test
    void nestingDepthLimit() {
        XbrlDocument d = read(write("deep.htm", ix("<div>".repeat(200) + "</div>".repeat(200) + "\n")), Limits.DEFAULT.withMaxDepth(100));
        assertFalse(d.complete());
        assertTrue(problems(d).contains("elements nested deeper than 100"), problems(d));
        assertEquals(BODY_LINE, d.problems().get(0).line());
    }

    @Test
    void factCountLimit() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            body.append("<p><ix:nonFraction name=\"acme:Thing").append(i).append("\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\">1</ix:nonFraction></p>\n");
        }
        XbrlDocument d = read(write("facts.htm", ix(body.toString())), Limits.DEFAULT.withMaxFacts(5));
        assertFalse(d.complete());
        assertTrue(problems(d).contains("more than 5 facts in one file; the rest is not read"), problems(d));
        assertEquals(5, d.facts().size(), "the dei fact and four others, read before the limit");
    }

    @Test
    void fileSizeLimitPlainAndUncompressed() throws IOException {
        String doc = ix("<p>" + "y".repeat(3000) + "</p>\n");
        XbrlDocument plain = read(write("size.htm", doc), Limits.DEFAULT.withMaxFileBytes(2000));
        assertTrue(problems(plain).contains("the limit is 2000 bytes; file not read"), problems(plain));
        Path gz = dir.resolve("size.htm.gz");
        Files.write(gz, gzip(doc.getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.size(gz) < 2000);
        XbrlDocument packed = read(gz, Limits.DEFAULT.withMaxFileBytes(2000));
        assertFalse(packed.complete());
        assertTrue(problems(packed).contains("file is larger than 2000 bytes uncompressed"), problems(packed));
    }

    @Test
    void duplicatesConsistentMergedInconsistentReported() {
        XbrlDocument d = read(write("dups.htm", ix(
                "<p><ix:nonFraction name=\"us-gaap:PurchaseObligation\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"-6\" scale=\"6\">45</ix:nonFraction></p>\n"
                + "<p><ix:nonFraction name=\"us-gaap:PurchaseObligation\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"-3\" scale=\"3\" id=\"precise\">45,079</ix:nonFraction></p>\n"
                .replace("45,079", "45079")
                + "<p><ix:nonFraction name=\"us-gaap:OperatingLeaseLiability\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\">10</ix:nonFraction></p>\n"
                + "<p><ix:nonFraction name=\"us-gaap:OperatingLeaseLiability\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\">11</ix:nonFraction></p>\n")));
        XbrlFact po = fact(d, "PurchaseObligation");
        assertEquals("precise", po.id(), "the more precise of two consistent duplicates");
        assertEquals(0, new BigDecimal("45079000").compareTo(po.value()));
        assertTrue(d.facts().stream().noneMatch(f -> f.localName().equals("OperatingLeaseLiability")), "inconsistent duplicates are kept out");
        assertEquals(1, d.problems().size(), problems(d));
        assertEquals(BODY_LINE + 3, d.problems().get(0).line());
        assertTrue(d.problems().get(0).message().startsWith("inconsistent duplicate: 11 here, 10 at line " + (BODY_LINE + 2)), problems(d));
    }

    @Test
    void continuationsExcludeAndBrokenChains() {
        XbrlDocument d = read(write("cont.htm", ix(
                "<div><ix:nonNumeric name=\"us-gaap:LeasesTextBlock\" contextRef=\"c-1\" continuedAt=\"k1\"><p>Leases of</p>"
                + "<ix:exclude><p>Page 12</p></ix:exclude></ix:nonNumeric></div>\n"
                + "<div><ix:continuation id=\"k1\" continuedAt=\"k2\"><p>stores and</p></ix:continuation></div>\n"
                + "<div><ix:continuation id=\"k2\"><p>data centres.</p></ix:continuation></div>\n"
                + "<div><ix:nonNumeric name=\"us-gaap:GuaranteesTextBlock\" contextRef=\"c-1\" continuedAt=\"missing\">Guarantees</ix:nonNumeric></div>\n")));
        assertEquals("Leases of stores and data centres.", fact(d, "LeasesTextBlock").text());
        assertEquals("Guarantees", fact(d, "GuaranteesTextBlock").text());
        assertEquals(1, d.problems().size(), problems(d));
        assertTrue(d.problems().get(0).message().startsWith("continuation 'missing' not found"), problems(d));
    }

    @Test
    void transformsOfTheSamples() {
        XbrlDocument d = read(write("fmts.htm", ix(
                "<p><ix:nonFraction name=\"acme:A\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\" format=\"ixt:fixed-zero\">\u2014</ix:nonFraction></p>\n"
                + "<p><ix:nonFraction name=\"acme:B\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"2\" format=\"ixt:num-comma-decimal\">1.234,56</ix:nonFraction></p>\n"
                + "<p><ix:nonFraction name=\"acme:C\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\" format=\"ixt-sec:numwordsen\">twenty\u2011five</ix:nonFraction></p>\n"
                + "<p><ix:nonNumeric name=\"acme:D\" contextRef=\"c-1\" format=\"ixt-sec:durmonth\">18</ix:nonNumeric></p>\n"
                + "<p><ix:nonNumeric name=\"acme:E\" contextRef=\"c-1\" format=\"ixt-sec:durday\">30</ix:nonNumeric></p>\n"
                + "<p><ix:nonNumeric name=\"acme:F\" contextRef=\"c-1\" format=\"ixt:date-monthname-day-year-en\">December\u00A031, 2024</ix:nonNumeric></p>\n"
                + "<p><ix:nonNumeric name=\"acme:G\" contextRef=\"c-1\" format=\"ixt-sec:boolballotbox\">\u2612</ix:nonNumeric></p>\n"
                + "<p><ix:nonNumeric name=\"acme:H\" contextRef=\"c-1\" format=\"ixt:fixed-false\">\u2610</ix:nonNumeric></p>\n"
                + "<p><ix:nonNumeric name=\"acme:I\" contextRef=\"c-2\" format=\"ixt-sec:durwordsen\">five years and six months</ix:nonNumeric></p>\n"
                + "<p><ix:nonNumeric name=\"acme:J\" contextRef=\"c-1\" format=\"ixt:date-monthname-year-en\">March 2025</ix:nonNumeric></p>\n"
                + "<p><ix:nonNumeric name=\"acme:K\" contextRef=\"c-1\" format=\"ixt-sec:duryear\">5.4</ix:nonNumeric></p>\n"
                + "<p><ix:nonNumeric name=\"acme:L\" contextRef=\"c-1\" format=\"ixt-sec:stateprovnameen\">Delaware</ix:nonNumeric></p>\n"
                + "<p><ix:nonFraction name=\"acme:M\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"0\" xsi:nil=\"true\"/></p>\n")));
        assertEquals("", problems(d));
        assertEquals(0, BigDecimal.ZERO.compareTo(fact(d, "A").value()));
        assertEquals(0, new BigDecimal("1234.56").compareTo(fact(d, "B").value()));
        assertEquals(0, new BigDecimal("25").compareTo(fact(d, "C").value()));
        assertEquals("P18M", fact(d, "D").text());
        assertEquals(0, new BigDecimal("1.5").compareTo(fact(d, "D").years()));
        assertEquals("P30D", fact(d, "E").text());
        assertEquals("2024-12-31", fact(d, "F").text());
        assertEquals("true", fact(d, "G").text());
        assertEquals("false", fact(d, "H").text());
        assertEquals("P5Y6M", fact(d, "I").text());
        assertEquals("2024-01-01..2024-12-31", fact(d, "I").period());
        assertEquals("2025-03", fact(d, "J").text());
        assertEquals("P5Y4M24D", fact(d, "K").text());
        assertEquals(0, new BigDecimal("5.4").compareTo(fact(d, "K").years()));
        assertEquals("DE", fact(d, "L").text());
        assertTrue(fact(d, "M").nil());
        assertNull(fact(d, "M").value());
    }

    @Test
    void otherHtmlAndXmlAreNotRecognised() throws IOException {
        assertNull(XbrlReader.recognise(write("page.html", "<!DOCTYPE html>\n<html><body><p>old 10-K<br></body></html>")));
        assertNull(XbrlReader.recognise(write("pom.xml", "<?xml version=\"1.0\"?>\n<project/>")));
        assertNull(XbrlReader.recognise(write("notes.txt", ix(""))), "only .htm .html .xhtml .xml (and .gz) are looked at");
        Path gz = dir.resolve("page.xhtml.gz");
        Files.write(gz, gzip(ix("").getBytes(StandardCharsets.UTF_8)));
        assertEquals(XbrlDocument.Kind.INLINE, XbrlReader.recognise(gz));
        assertEquals(XbrlDocument.Kind.INSTANCE, XbrlReader.recognise(write("i.xml",
                "<?xml version=\"1.0\"?>\n<!-- c -->\n<xbrli:xbrl xmlns:xbrli=\"http://www.xbrl.org/2003/instance\"/>")));
    }

    @Test
    void instanceBadInput() {
        String inst = "<?xml version=\"1.0\"?>\n<xbrl xmlns=\"http://www.xbrl.org/2003/instance\" xmlns:us-gaap=\"http://fasb.org/us-gaap/2023\"\n"
                + " xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\">\n"
                + "<context id=\"c\"><entity><identifier scheme=\"http://www.sec.gov/CIK\">1</identifier></entity><period><instant>2024-06-30</instant></period></context>\n"
                + "<unit id=\"usd\"><measure>iso4217:USD</measure></unit>\n"
                + "<us-gaap:PurchaseObligation contextRef=\"c\" unitRef=\"usd\" decimals=\"-6\">807000000</us-gaap:PurchaseObligation>\n"
                + "<us-gaap:OperatingLeaseLiability contextRef=\"x\" unitRef=\"usd\" decimals=\"-6\">1</us-gaap:OperatingLeaseLiability>\n"
                + "<us-gaap:FinanceLeaseLiability contextRef=\"c\" unitRef=\"usd\" decimals=\"-6\">abc</us-gaap:FinanceLeaseLiability>\n"
                + "</xbrl>\n";
        XbrlDocument d = read(write("inst.xml", inst));
        assertEquals(XbrlDocument.Kind.INSTANCE, d.kind());
        assertEquals(0, new BigDecimal("807000000").compareTo(fact(d, "PurchaseObligation").value()));
        assertEquals(6, fact(d, "PurchaseObligation").provenance().line());
        assertEquals(2, d.problems().size(), problems(d));
        assertEquals(7, d.problems().get(0).line());
        assertTrue(d.problems().get(0).message().startsWith("undefined context 'x'"));
        assertEquals(8, d.problems().get(1).line());
    }

    @Test
    void realSampleCutInTheMiddle() throws IOException {
        byte[] all;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestFiles.project("src/test/resources/sec/ixbrl/nvda-10-k-2025-02-26.html.gz")))) {
            all = in.readAllBytes();
        }
        Path p = dir.resolve("nvda-cut.htm");
        Files.write(p, java.util.Arrays.copyOf(all, all.length / 2));
        XbrlDocument d = read(p);
        assertFalse(d.complete());
        List<Problem> fatal = d.problems().stream().filter(e -> e.message().contains("truncated")).toList();
        assertEquals(1, fatal.size(), problems(d));
        assertTrue(d.facts().size() > 100, "facts before the cut whose contexts were read are kept");
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
