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

    @Test
    void csvHasOneRowPerObligationWithPlainAmountsAndTheSyndicateAsOneRow() throws Exception {
        CheckCommandTest.Run csv = CheckCommandTest.run("exposure", "oracle", TestFiles.project("filings").toString(), "--format", "csv");
        assertEquals(Main.OK, csv.code(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("entity,section,order,party,party_name,kind,amount,currency,gross,status,counted,participants,chain,description,evidence",
                lines.get(0));
        // the Texas loan is one row for JPMorgan and MUFG together, with both as participants and the whole amount once
        List<String> texas = lines.stream().filter(l -> l.contains("\"jpmorgan+mufg\"") && l.contains("23250000000")).toList();
        assertEquals(1, texas.size(), csv.out());
        assertTrue(texas.get(0).contains("\"jpmorgan; mufg\""), texas.get(0));
        assertTrue(texas.get(0).contains("\"USD\""), texas.get(0));
        CheckCommandTest.Run again = CheckCommandTest.run("exposure", "oracle", TestFiles.project("filings").toString(), "--format", "csv");
        assertEquals(csv.out(), again.out(), "same input, same bytes");
    }
}
