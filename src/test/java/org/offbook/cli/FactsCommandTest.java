package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.TestFiles;

/** offbook facts: what was read, with file and line; --type xbrl: the XBRL facts as filed. */
class FactsCommandTest {

    static final String META = "src/test/resources/sec/ixbrl/meta-10-k-2025-01-30.html.gz";

    @TempDir
    Path dir;

    @Test
    void dealTermFactsWithProvenanceByTypeAndEntity() throws Exception {
        String filings = TestFiles.project("filings").toString();
        CheckCommandTest.Run all = CheckCommandTest.run("facts", filings);
        assertEquals(Main.OK, all.code(), all.err());
        assertTrue(all.out().matches("(?s).*filings/[^ ]+\\.(json|csv):\\d+  leases  .*"), all.out());
        CheckCommandTest.Run leases = CheckCommandTest.run("facts", filings, "--type", "lease", "--format", "csv");
        assertEquals(Main.OK, leases.code(), leases.err());
        String[] lines = leases.out().split("\r\n");
        assertEquals("file,line,type,fields", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains(",\"leases\","), lines[i]);
        }
        CheckCommandTest.Run meta = CheckCommandTest.run("facts", filings, "--entity", "meta", "--format", "json");
        JsonNode facts = new ObjectMapper().readTree(meta.out()).path("facts");
        assertTrue(facts.size() > 0);
        assertEquals(Main.USAGE, CheckCommandTest.run("facts", filings, "--type", "nonsense").code());
        assertEquals(Main.USAGE, CheckCommandTest.run("facts", filings, "--entity", "nobody-at-all").code());
    }

    @Test
    void xbrlFactsAsFiledWithConceptPeriodDimensionsDecimals() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.copy(TestFiles.project(META), in.resolve("meta-10-k.html.gz"));
        CheckCommandTest.Run text = CheckCommandTest.run("facts", in.toString(), "--type", "xbrl", "--concept", "UnconditionalPurchaseObligationBalanceSheet");
        assertEquals(Main.OK, text.code(), text.err());
        assertTrue(text.out().contains("inline XBRL, 10-K, Meta Platforms, Inc. (CIK 0001326801), period end 2024-12-31"), text.out());
        assertTrue(text.out().matches("(?s).*meta-10-k\\.html\\.gz:8:\\d+  us-gaap:UnrecordedUnconditionalPurchaseObligationBalanceSheetAmount = 34120000000 "
                + "iso4217:USD  period 2024-12-31  decimals -7  id f-818\n.*"), text.out());

        CheckCommandTest.Run json = CheckCommandTest.run("facts", in.toString(), "--type", "xbrl", "--format", "json", "--entity", "1326801");
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode hidden = null;
        for (JsonNode n : root.path("xbrl")) {
            if (n.path("concept").asText().equals("us-gaap:PropertyPlantAndEquipmentUsefulLife") && n.path("hidden").asBoolean()) {
                hidden = n;
                break;
            }
        }
        assertTrue(hidden != null);
        assertEquals("srt:MinimumMember", hidden.path("dimensions").path("srt:RangeAxis").asText());
        assertEquals("2024-12-31", hidden.path("period").path("instant").asText());
        assertEquals(1, root.path("documents").size());
        assertEquals("10-K", root.path("documents").get(0).path("documentType").asText());

        CheckCommandTest.Run csv = CheckCommandTest.run("facts", in.toString(), "--type", "xbrl", "--format", "csv", "--concept", "ConcentrationRiskPercentage1");
        assertTrue(csv.out().startsWith("file,line,column,concept,periodStart,periodEnd,dimensions,unit,decimals,value,text,nil,hidden,format,context,id\r\n"));
        assertTrue(csv.out().contains(",\"us-gaap:ConcentrationRiskPercentage1\",\"2024-01-01\",\"2024-12-31\","), csv.out());
    }

    @Test
    void aBrokenFilingIsReportedWithExitFiveAndTheRestListed() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.copy(TestFiles.project(META), in.resolve("meta-10-k.html.gz"));
        TestFiles.write(in, "fake.htm.gz", "<html xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"/>");
        CheckCommandTest.Run run = CheckCommandTest.run("facts", in.toString(), "--type", "xbrl", "--concept", "OperatingLeaseLiability");
        assertEquals(Main.LOAD_ERRORS, run.code());
        assertTrue(run.err().contains("fake.htm.gz: named .gz but is not gzip-compressed (no gzip header); file not read"), run.err());
        assertTrue(run.out().contains("= 20234000000 iso4217:USD  period 2024-12-31"), run.out());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
