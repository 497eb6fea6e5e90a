package org.offbook.load.sec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.offbook.load.sec.Sec.usd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;
import org.offbook.model.Entity;
import org.offbook.model.Statement;
import org.offbook.model.FileStats;
import org.offbook.load.FolderLoader;
import org.offbook.load.LoadResult;

/**
 * Financial Statement Data Sets: the SEC's 2010 Q2 values pinned for Microsoft, Amazon, NVIDIA,
 * Google and Kimberly-Clark (restated by a 10-Q/A), the whole quarter loaded from its zip, and bad
 * data sets reported with file and line.
 */
class DataSetsTest {

    @TempDir
    Path dir;

    private static final String HEADER_SUB = "adsh\tcik\tname\tsic\tcountryba\tform\tperiod\tfye\tfiled\taccepted";
    private static final String HEADER_NUM = "adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote";

    @Test
    void theFourCompanySampleGivesTheSecValuesWithTheLineOfEachValue() {
        LoadResult r = Sec.load(Sec.sample("fsds-2010q2-sample"));
        Sec.noErrors(r);
        String num = FolderLoader.displayName(Sec.sample("fsds-2010q2-sample/num.txt"));
        String sub = FolderLoader.displayName(Sec.sample("fsds-2010q2-sample/sub.txt"));

        // Microsoft, fiscal year ending in June: January to March 2010 is Q3 FY2010
        Statement msft = Sec.statement(r, "cik-789019", "2010-01-01", "2010-03-31");
        assertEquals("Q3 FY2010", msft.period());
        assertEquals(usd("14503000000"), msft.revenue());
        assertEquals(usd("5173000000"), msft.operatingIncome());
        assertEquals(usd("4006000000"), msft.netIncome());
        assertEquals(usd("408000000"), msft.capex());
        assertEquals(num, msft.provenance().file());
        assertEquals(816, msft.provenance().line(), "the num.txt line of the revenue value");
        assertTrue(msft.source().startsWith("SEC financial statement data set: Q3 FY2010 (2010-01-01..2010-03-31), CIK0000789019: "
                + "revenue us-gaap:Revenues USD 14503000000, accn 0001193125-10-090116 (10-Q filed 2010-04-22, line 816)"), msft.source());
        // balance sheet: the company's total, not the rows of its equity components (segments)
        Statement msftBs = Sec.statement(r, "cik-789019", null, "2010-03-31");
        assertEquals(usd("45710000000"), msftBs.equity());
        assertEquals(usd("3746000000"), msftBs.totalDebt(), "LongTermDebtNoncurrent: no LongTermDebt tagged");
        assertEquals(719, msftBs.provenance().line(), "the line of the first field's value (totalDebt)");
        assertTrue(msftBs.source().contains("equity us-gaap:StockholdersEquity USD 45710000000, accn 0001193125-10-090116 (10-Q filed 2010-04-22, line 551)"),
                msftBs.source());
        Entity msftEntity = Sec.entities(r).stream().filter(e -> e.id().equals("cik-789019")).findFirst().orElseThrow();
        assertEquals("MICROSOFT CORP", msftEntity.name());
        assertEquals(sub, msftEntity.provenance().file());

        // Amazon, calendar year: Q1 FY2010; its trailing-twelve-month figures (qtrs 4 to March) are no fiscal year
        Statement amzn = Sec.statement(r, "cik-1018724", "2010-01-01", "2010-03-31");
        assertEquals("Q1 FY2010", amzn.period());
        assertEquals(usd("7131000000"), amzn.revenue());
        assertTrue(amzn.source().contains("revenue us-gaap:SalesRevenueNet USD 7131000000"), amzn.source());
        assertEquals(usd("7000000"), amzn.interestExpense());
        assertEquals(usd("131000000"), Sec.statement(r, "cik-1018724", null, "2010-03-31").totalDebt());
        assertTrue(Sec.statements(r).stream().noneMatch(s -> s.entity().equals("cik-1018724") && s.isAnnual()),
                "NetIncomeLoss 1,024M for the 12 months to March 2010 is not a fiscal year");

        // NVIDIA: the data set says its fiscal year ends in December (it ends in January), so the quarter is named by its dates
        Statement nvda = Sec.statement(r, "cik-1045810", "2010-02-01", "2010-04-30");
        assertEquals("3M to 2010-04-30", nvda.period());
        assertEquals(usd("1001813000"), nvda.revenue());
        assertEquals(usd("147393000"), nvda.operatingIncome());

        // Google
        Statement goog = Sec.statement(r, "cik-1288776", "2010-01-01", "2010-03-31");
        assertEquals(usd("6775000000"), goog.revenue());
        assertEquals(usd("38283000000"), Sec.statement(r, "cik-1288776", null, "2010-03-31").equity());

        assertEquals(4, Sec.entities(r).size());
        assertEquals(List.of(), Sec.restatements(r));
        for (FileStats s : r.files()) {
            assertEquals("tsv", s.format());
        }
        assertEquals(List.of(num, sub), r.files().stream().map(FileStats::file).toList());
    }

    @Test
    void kimberlyClarkTenQAmendmentReplacesFiguresTaggedWithoutTheirScale() {
        LoadResult r = Sec.load(Sec.sample("fsds-2010q2-kmb"));
        Sec.noErrors(r);
        Statement q1 = Sec.statement(r, "cik-55785", "2010-01-01", "2010-03-31");
        assertEquals("Q1 FY2010", q1.period());
        assertEquals(usd("4835000000"), q1.revenue());
        assertEquals(usd("665000000"), q1.operatingIncome());
        assertEquals(usd("61000000"), q1.interestExpense());
        assertEquals(usd("384000000"), q1.netIncome());
        assertTrue(q1.source().contains("revenue us-gaap:SalesRevenueNet USD 4835000000, accn 0000055785-10-000026 (10-Q/A filed 2010-05-14"),
                q1.source());
        assertTrue(q1.source().contains("earlier reported differently: USD 4835 in accn 0000055785-10-000019 (10-Q filed 2010-05-07)"), q1.source());
        assertEquals(usd("5396000000"), Sec.statement(r, "cik-55785", null, "2010-03-31").equity());

        // a scale correction, not ten restatements: one fact for the pair of filings
        assertEquals(List.of(), Sec.restatements(r));
        List<org.offbook.model.FilingCorrection> corrections = r.facts().stream().filter(f -> f instanceof org.offbook.model.FilingCorrection)
                .map(f -> (org.offbook.model.FilingCorrection) f).toList();
        org.offbook.model.FilingCorrection scale = Sec.only(corrections);
        assertEquals("scale", scale.kind());
        assertEquals(0, new java.math.BigDecimal("1000000").compareTo(scale.factor()));
        assertEquals(16, scale.count(), "revenue, operating income, interest, net income, depreciation and amortisation for two quarters; "
                + "equity at two dates, cash at four");
        assertEquals("0000055785-10-000019", scale.previousAccn());
        assertEquals("10-Q", scale.previousForm());
        assertEquals("0000055785-10-000026", scale.currentAccn());
        assertEquals("10-Q/A", scale.currentForm());
        assertEquals(LocalDate.of(2010, 5, 14), scale.currentFiled());
        assertTrue(scale.source().contains("us-gaap:SalesRevenueNet Q1 FY2010: USD 4,835 then USD 4.84B"), scale.source());
    }

    @Test
    void theWholeSecondQuarterOf2010LoadsFromItsZip() throws IOException {
        Path zip = Sec.sample("fsds-2010q2.zip");
        // what the zip holds, counted independently of offbook
        Set<String> submissions = new HashSet<>();
        long numRows;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(z.getInputStream(z.getEntry("sub.txt")), StandardCharsets.UTF_8))) {
                in.lines().skip(1).forEach(l -> submissions.add(l.substring(0, l.indexOf('\t'))));
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(z.getInputStream(z.getEntry("num.txt")), StandardCharsets.UTF_8))) {
                numRows = in.lines().count() - 1;
            }
        }
        assertEquals(522, submissions.size());
        assertEquals(136_044, numRows);

        long t0 = System.nanoTime();
        LoadResult r = Sec.load(zip);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("SEC 2010 Q2 data set (522 submissions, 136,044 num rows): loaded in " + millis + " ms, "
                + r.facts().size() + " facts");
        Sec.noErrors(r);
        String name = FolderLoader.displayName(zip);
        assertEquals(List.of(name + "!/num.txt", name + "!/sub.txt"), r.files().stream().map(FileStats::file).toList());
        // every filer with a mapped value becomes an entity; every statement is linked to one
        Set<String> ids = new HashSet<>();
        Sec.entities(r).forEach(e -> ids.add(e.id()));
        assertEquals(496, ids.size(), "488 before the parent-company member and the concepts added for issue 18 (495) and cash (issue 17)");
        assertTrue(Sec.statements(r).stream().allMatch(s -> ids.contains(s.entity())));
        assertTrue(Sec.statements(r).size() > 1500, "statements: " + Sec.statements(r).size());
        // the same SEC values as the extracts
        Statement kmb = Sec.statement(r, "cik-55785", "2010-01-01", "2010-03-31");
        assertEquals(usd("4835000000"), kmb.revenue());
        assertTrue(kmb.provenance().file().equals(name + "!/num.txt"));
        Statement valero = Sec.statement(r, "cik-1035002", "2010-01-01", "2010-03-31");
        assertEquals(usd("-32000000"), valero.operatingIncome());
        assertEquals(usd("147000000"), valero.interestExpense());
        assertEquals(usd("14503000000"), Sec.statement(r, "cik-789019", "2010-01-01", "2010-03-31").revenue());
        // Kimberly-Clark's scale correction is a correction, not a restatement; the one restatement of the quarter is
        // General Electric's debt with capital leases at 2009-12-31, 0.3% higher in its 8-K than in its 10-Q of the same day
        // (below SEC-001's 1%)
        assertEquals(List.of("cik-40545 us-gaap:LongTermDebtAndCapitalLeaseObligations"),
                Sec.restatements(r).stream().map(x -> x.entity() + " " + x.concept()).toList());
        assertEquals(1, r.facts().stream().filter(f -> f instanceof org.offbook.model.FilingCorrection).count());
    }

    @Test
    void aZipAndItsExtractedFolderAreReadOnce() {
        LoadResult zip = Sec.load(Sec.sample("fsds-2010q2.zip"));
        LoadResult both = Sec.load(Sec.sample("fsds-2010q2.zip"), Sec.sample("fsds-2010q2-sample"));
        Sec.noErrors(both);
        assertEquals(zip.facts().size(), both.facts().size(), "the sample's values are the zip's: kept once");
    }

    @Test
    void aZipWithoutNumTxtIsReportedAndTheRestIsChecked() throws IOException {
        zip(dir.resolve("2010q2.zip"), Map.of("sub.txt", TestFiles.read(Sec.sample("fsds-2010q2-kmb/sub.txt")), "readme.htm", "<p>x</p>"));
        TestFiles.copyTree(Sec.sample("fsds-2010q2-valero"), dir.resolve("valero"));
        LoadResult r = Sec.load(dir);
        assertEquals(FolderLoader.displayName(dir.resolve("2010q2.zip")) + ": SEC financial statement data set without num.txt "
                + "(a data set holds sub.txt and num.txt, with tag.txt and pre.txt); not loaded", Sec.errors(r));
        assertEquals(usd("147000000"), Sec.statement(r, "cik-1035002", "2010-01-01", "2010-03-31").interestExpense());
    }

    @Test
    void aFolderWithSubTxtButNoNumTxtIsReported() {
        TestFiles.write(dir, "ds/sub.txt", TestFiles.read(Sec.sample("fsds-2010q2-kmb/sub.txt")));
        TestFiles.write(dir, "ds/tag.txt", "tag\tversion\n");
        LoadResult r = Sec.load(dir);
        assertEquals(FolderLoader.displayName(dir.resolve("ds")) + ": SEC financial statement data set without num.txt "
                + "(a data set holds sub.txt and num.txt, with tag.txt and pre.txt); not loaded", Sec.errors(r));
    }

    @Test
    void anUnknownColumnLayoutIsReportedWithTheColumnsMissing() throws IOException {
        String num = TestFiles.read(Sec.sample("fsds-2010q2-kmb/num.txt")).replaceFirst("\tqtrs\t", "\tquarters\t");
        zip(dir.resolve("kmb.zip"), Map.of("sub.txt", TestFiles.read(Sec.sample("fsds-2010q2-kmb/sub.txt")), "num.txt", num));
        LoadResult r = Sec.load(dir);
        String zip = FolderLoader.displayName(dir.resolve("kmb.zip"));
        assertEquals(zip + "!/num.txt:1: unknown column layout: no column qtrs (the header has adsh, tag, version, ddate, quarters, uom, "
                + "segments, coreg, value, footnote; needed: adsh, tag, version, ddate, qtrs, uom, value); data set not loaded", Sec.errors(r));
        assertEquals(List.of(), r.facts());
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndOldLayoutsWithoutSegmentsLoad() {
        // the pre-2024 layout: coreg before ddate, no segments column
        TestFiles.write(dir, "ds/sub.txt", HEADER_SUB + "\n"
                + "0000000001-10-000001\t1\tTEST \"QUOTED\" CO \\ INC\t1000\tUS\t10-K\t20091231\t1231\t20100301\t2010-03-01 10:00:00.0\n");
        TestFiles.write(dir, "ds/num.txt", "adsh\ttag\tversion\tcoreg\tddate\tqtrs\tuom\tvalue\tfootnote\n"
                + "0000000001-10-000001\tRevenues\tus-gaap/2009\t\t20091231\t4\tUSD\t1000.0000\tsaid \"net\\\"\n"
                + "0000000001-10-000001\tRevenues\tus-gaap/2009\tSubsidiaryCo\t20091231\t4\tUSD\t400.0000\t\n"
                + "0000000001-10-000001\tRevenues\t0000000001-10-000001\t\t20081231\t4\tUSD\t900.0000\t\n"
                + "0000000001-10-000001\tLongTermDebt\tus-gaap/2009\t\t20091231\t0\tUSD\t\t\n");
        LoadResult r = Sec.load(dir);
        Sec.noErrors(r);
        Statement fy = Sec.only(Sec.statements(r));
        assertEquals("FY2009", fy.period());
        assertEquals(LocalDate.of(2009, 1, 1), fy.start());
        assertEquals(usd("1000"), fy.revenue(), "co-registrant's 400 and the filer's own (custom) tag are left out");
        assertNull(fy.totalDebt(), "an empty value is nil");
        assertEquals("TEST \"QUOTED\" CO \\ INC", Sec.only(Sec.entities(r)).name(), "quotes and backslashes are plain text");
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithItsLineAndTheRestIsLoaded() {
        String num = TestFiles.read(Sec.sample("fsds-2010q2-valero/num.txt"));
        String[] lines = num.split("\n", -1);
        int bad = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].contains("\tInterestExpense\t") && lines[i].contains("\t20100331\t")) {
                lines[i] = lines[i].replace("147000000.0000", "147m");
                bad = i + 1;
            }
        }
        TestFiles.write(dir, "valero/num.txt", String.join("\n", lines));
        TestFiles.write(dir, "valero/sub.txt", TestFiles.read(Sec.sample("fsds-2010q2-valero/sub.txt")));
        TestFiles.write(dir, "valero/extra.txt", "a README of my own\n");
        LoadResult r = Sec.load(dir);
        assertEquals(FolderLoader.displayName(dir.resolve("valero/num.txt")) + ":" + bad
                + ": field 'value': not a number: '147m' (us-gaap:InterestExpense); value not used", Sec.errors(r));
        Statement q1 = Sec.statement(r, "cik-1035002", "2010-01-01", "2010-03-31");
        assertEquals(usd("-32000000"), q1.operatingIncome());
        assertNull(q1.interestExpense());
        assertEquals(List.of(FolderLoader.displayName(dir.resolve("valero/extra.txt"))), r.skipped());
    }

    @Test
    void rowProblemsNameFileAndLine() {
        TestFiles.write(dir, "ds/sub.txt", HEADER_SUB + "\n"
                + "0000000001-10-000001\tX\tNO CIK CO\t1000\tUS\t10-Q\t20100331\t1231\t20100501\t\n"
                + "0000000002-10-000001\t2\tSHORT ROW CO\n");
        TestFiles.write(dir, "ds/num.txt", HEADER_NUM + "\n"
                + "0000000001-10-000001\tRevenues\tus-gaap/2009\t20100331\t1\tUSD\t\t\t5.0\t\n"
                + "0000000009-10-000001\tRevenues\tus-gaap/2009\t20100331\t1\tUSD\t\t\t5.0\t\n"
                + "0000000009-10-000001\tRevenues\tus-gaap/2009\t20091231\t1\tUSD\t\t\t6.0\t\n"
                + "0000000009-10-000001\tRevenues\tus-gaap/2009\n");
        LoadResult r = Sec.load(dir);
        String sub = FolderLoader.displayName(dir.resolve("ds/sub.txt"));
        String num = FolderLoader.displayName(dir.resolve("ds/num.txt"));
        assertEquals(String.join("\n",
                num + ":3: field 'adsh': submission 0000000009-10-000001 is not in sub.txt; its values are not used",
                num + ":5: row has 3 cells, the header has 10; row not used",
                sub + ":2: field 'cik': not a CIK: 'X'; submission not used",
                sub + ":3: row has 3 cells, the header has 10; submission not used"), Sec.errors(r));
    }

    @Test
    void otherFilesNamedLikeMembersAndOtherZipsAreSkippedAsBefore() throws IOException {
        TestFiles.write(dir, "notes/num.txt", "my own numbers\n");
        zip(dir.resolve("photos.zip"), Map.of("a.jpg", "x"));
        LoadResult r = Sec.load(dir);
        Sec.noErrors(r);
        assertEquals(List.of(FolderLoader.displayName(dir.resolve("notes/num.txt")), FolderLoader.displayName(dir.resolve("photos.zip"))),
                r.skipped());
    }

    @Test
    void aDamagedZipIsReported() {
        TestFiles.write(dir, "2010q2.zip", "PK not really a zip");
        LoadResult r = Sec.load(dir);
        assertTrue(Sec.errors(r).startsWith(FolderLoader.displayName(dir.resolve("2010q2.zip")) + ": not a readable zip file ("), Sec.errors(r));
        assertTrue(Sec.errors(r).endsWith("if it is not an SEC data set, move it out of the checked folder; not loaded"), Sec.errors(r));
    }

    static void zip(Path target, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }
}
