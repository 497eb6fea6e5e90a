package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.offbook.TestFiles;

/** offbook credit ENTITY..., as an analyst runs it. */
class CreditCommandTest {

    private static final String FILINGS = TestFiles.project("filings").toString();

    @Test
    void textJsonCsvAndAnUnknownEntity() throws Exception {
        CheckCommandTest.Run text = CheckCommandTest.run("credit", "Meta Platforms", "OpenAI", "--in", FILINGS);
        assertEquals(Main.OK, text.code(), text.err());
        assertTrue(text.out().startsWith("Credit view: Meta Platforms, Inc. (meta)\n"), text.out());
        assertTrue(text.out().contains("[consolidate] vehicle debt                   USD 27.3B"), text.out());
        assertTrue(text.out().contains("Adjusted debt                                USD 77.07B"), text.out());
        assertTrue(text.out().contains("Not binding or press-reported, apart: USD 300B"), text.out());
        assertTrue(text.out().contains("2049   1       USD 27.3B    maturity: beignet-2049-notes matures"), text.out());

        CheckCommandTest.Run json = CheckCommandTest.run("credit", "meta", "--in", FILINGS, "--format", "json");
        JsonNode meta = new ObjectMapper().readTree(json.out()).path("credit").get(0);
        assertEquals("77069000000", meta.path("adjustedDebt").path("value").asText());
        assertEquals("0.91", meta.path("ratios").path("adjustedDebtToEbitda").asText());
        assertEquals("consolidate", meta.path("adjustments").get(2).path("tier").asText());
        assertEquals(22, meta.path("adjustments").get(2).path("evidence").get(1).path("line").asInt());

        CheckCommandTest.Run csv = CheckCommandTest.run("credit", "coreweave", "--in", FILINGS, "--format", "csv");
        assertTrue(csv.out().startsWith("entity,section,tier,kind,amount,currency,description,evidence\r\n"), csv.out());
        assertTrue(csv.out().contains("\"coreweave\",\"reported\",\"\",\"reported debt\",\"21400000000\",\"USD\""), csv.out());
        assertTrue(csv.out().contains("\"coreweave\",\"missing\""), csv.out());

        assertEquals(Main.USAGE, CheckCommandTest.run("credit", "nobody", "--in", FILINGS).code());
    }

    @Test
    void theJsonAndHtmlReportsCarryTheCreditViewsAskedFor() throws Exception {
        CheckCommandTest.Run json = CheckCommandTest.run("check", FILINGS, "--format", "json", "--credit", "Meta", "--credit", "xai",
                "--fail-on", "never");
        assertEquals(Main.OK, json.code(), json.err());
        JsonNode credit = new ObjectMapper().readTree(json.out()).path("credit");
        assertEquals("meta", credit.get(0).path("entity").asText());
        assertEquals("77069000000", credit.get(0).path("adjustedDebt").path("value").asText());
        assertEquals("12500000000", credit.get(1).path("adjustedDebt").path("value").asText());
        assertTrue(!credit.get(1).path("complete").asBoolean());

        CheckCommandTest.Run plain = CheckCommandTest.run("check", FILINGS, "--format", "json", "--fail-on", "never");
        assertTrue(!new ObjectMapper().readTree(plain.out()).has("credit"), "no credit section unless asked for");

        CheckCommandTest.Run html = CheckCommandTest.run("check", FILINGS, "--format", "html", "--credit", "oracle", "--fail-on", "never");
        assertTrue(html.out().contains("<section id=\"credit\" aria-labelledby=\"credit-h\">"), html.out());
        assertTrue(html.out().contains("<td>memo</td><td>vehicle debt serviced by its rent</td><td>USD 23.25B</td>"), html.out());

        CheckCommandTest.Run unknown = CheckCommandTest.run("check", FILINGS, "--format", "json", "--credit", "nobody", "--fail-on", "never");
        assertEquals(Main.LOAD_ERRORS, unknown.code());
        assertTrue(unknown.err().contains("--credit: no entity 'nobody' in the files checked"), unknown.err());
    }
}
