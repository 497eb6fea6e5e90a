package org.offbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.TestFiles;

/** offbook exposure ENTITY, as an analyst runs it. */
class ExposureCommandTest {

    @Test
    void commandInTextAndJsonAndAnUnknownEntity() throws Exception {
        CheckCommandTest.Run text = CheckCommandTest.run("exposure", "OpenAI", TestFiles.project("filings").toString());
        assertEquals(Main.OK, text.code(), text.err());
        assertTrue(text.out().startsWith("If OpenAI (openai) stops paying:"), text.out());
        assertTrue(text.out().contains("Not binding: listed apart, not counted\n  NVIDIA Corporation (nvidia)"), text.out());
        assertTrue(text.out().contains("Not assessed: Oracle Corporation: loses USD 300B; neither its equity nor its cash is given"), text.out());
        CheckCommandTest.Run oracle = CheckCommandTest.run("exposure", "oracle", TestFiles.project("filings").toString(), "--equity-share", "0.25");
        assertTrue(oracle.out().contains("Order 2: if Vantage Stargate campus vehicle (Texas, 1.4 GW) fails in turn"), oracle.out());
        assertTrue(oracle.out().contains("JPMorgan Chase & Co., Mitsubishi UFJ Financial Group (together) (jpmorgan+mufg)"), oracle.out());
        CheckCommandTest.Run json = CheckCommandTest.run("exposure", "openai", TestFiles.project("filings").toString(), "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals("openai", root.path("entity").asText());
        JsonNode first = root.path("exposures").get(0);
        for (String field : List.of("order", "party", "partyName", "kind", "status", "counted", "amount", "participants", "description", "chain", "evidence")) {
            assertTrue(first.has(field), field);
        }
        assertEquals("oracle", root.path("notAssessed").get(2).path("party").asText());
        assertEquals(Main.USAGE, CheckCommandTest.run("exposure", "openai", "--onward-share", "0.1").code(), "the revenue-share cascade is gone");
        assertEquals(Main.USAGE, CheckCommandTest.run("exposure", "nobody", TestFiles.project("filings").toString()).code());
    }
}
