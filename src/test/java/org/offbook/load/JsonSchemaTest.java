package org.offbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.offbook.TestFiles;

class JsonSchemaTest {

    @Test
    void publishedSchemaMatchesTheFactModel() {
        String published = TestFiles.read(TestFiles.project("docs/filing-format.schema.json"));
        assertEquals(JsonSchema.generate(), published,
                "docs/filing-format.schema.json is out of date: regenerate it with './offbook schema > docs/filing-format.schema.json'");
    }

    @Test
    void schemaDescribesEveryFactTypeWithRequiredFields() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonSchema.generate());
        JsonNode lease = root.path("$defs").path("Lease");
        assertEquals("[\"lessee\",\"lessor\"]", lease.path("required").toString());
        assertEquals("#/$defs/money", lease.path("properties").path("assetCost").path("$ref").asText());
        assertTrue(lease.path("properties").path("booking").path("enum").toString().contains("operating"));
        assertEquals(false, root.path("additionalProperties").asBoolean());
        assertTrue(root.path("properties").has("concentrations"));
    }

    @Test
    void moneyPatternAgreesWithTheLoader() {
        Pattern p = Pattern.compile(JsonSchema.MONEY);
        for (String ok : new String[] {"USD 27.3B", "USD -46M", "5B", "EUR 0.01", "JPY 1200"}) {
            assertTrue(p.matcher(ok).find(), ok);
        }
        for (String bad : new String[] {"$5B", "USD 1e9", "27.3 billion"}) {
            assertTrue(!p.matcher(bad).find(), bad);
        }
    }
}
