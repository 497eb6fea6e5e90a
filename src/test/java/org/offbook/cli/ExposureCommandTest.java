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
        assertTrue(text.out().contains("Order 2: if Oracle Corporation fails in turn (OpenAI -> Oracle Corporation)"), text.out());
        CheckCommandTest.Run json = CheckCommandTest.run("exposure", "openai", TestFiles.project("filings").toString(), "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals("openai", root.path("entity").asText());
        JsonNode first = root.path("exposures").get(0);
        for (String field : List.of("order", "party", "partyName", "kind", "amount", "description", "chain", "evidence")) {
            assertTrue(first.has(field), field);
        }
        assertEquals(Main.USAGE, CheckCommandTest.run("exposure", "nobody", TestFiles.project("filings").toString()).code());
    }
}
