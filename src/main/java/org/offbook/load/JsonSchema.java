package org.offbook.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.offbook.model.Doc;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Json;
import org.offbook.model.Money;
import org.offbook.model.NonNegative;
import org.offbook.model.OneOf;
import org.offbook.model.Required;
import org.offbook.model.Share;

/**
 * The JSON Schema (draft 2020-12) of offbook's JSON documents, generated from the fact records so
 * it always matches what the loader accepts. Published as {@code docs/filing-format.schema.json}
 * and printed by {@code offbook schema}. The loader remains the authority on values the schema
 * cannot express (entity references, currencies).
 */
public final class JsonSchema {

    static final String MONEY = "^([A-Z]{3}\\s+)?-?\\d{1,15}(\\.\\d{1,12})?\\s*[KMBT]?$";
    static final String DATE = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";

    private JsonSchema() {
    }

    public static String generate() {
        ObjectMapper m = Json.MAPPER;
        ObjectNode root = m.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "offbook filing or deal-terms document");
        root.put("description", "Arrays of facts keyed by fact type; see docs/filing-format.md.");
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        props.putObject("$schema").put("type", "string");
        props.putObject("source").put("type", "string").put("description", "Default source of the document's facts.");
        props.putObject("title").put("type", "string");
        props.putObject("note").put("type", "string");
        props.putObject("notes").put("type", "string");
        for (Map.Entry<String, Class<? extends Fact>> e : FactTypes.BY_NAME.entrySet()) {
            ObjectNode arr = props.putObject(e.getKey());
            arr.put("type", "array");
            arr.putObject("items").put("$ref", "#/$defs/" + e.getValue().getSimpleName());
        }
        root.putObject("patternProperties").putObject("^x-");
        root.put("additionalProperties", false);

        ObjectNode defs = root.putObject("$defs");
        defs.putObject("money").put("type", "string").put("pattern", MONEY)
                .put("description", "Currency code, amount and optional scale K/M/B/T, e.g. \"USD 27.3B\".");
        ArrayNode share = defs.putObject("share").putArray("oneOf");
        share.addObject().put("type", "number").put("minimum", 0).put("maximum", 1);
        share.addObject().put("type", "string").put("pattern", "^(100(\\.0+)?|\\d{1,2}(\\.\\d+)?)\\s*%$|^(0(\\.\\d+)?|1(\\.0+)?)$");
        defs.putObject("date").put("type", "string").put("pattern", DATE)
                .put("description", "ISO date; a year or year-month means its last day.");
        ArrayNode number = defs.putObject("number").putArray("oneOf");
        number.addObject().put("type", "number");
        number.addObject().put("type", "string").put("pattern", "^-?\\d+(\\.\\d+)?$");
        ArrayNode bool = defs.putObject("boolean").putArray("oneOf");
        bool.addObject().put("type", "boolean");
        bool.addObject().put("enum", m.createArrayNode().add("true").add("false").add("yes").add("no"));

        for (Map.Entry<String, Class<? extends Fact>> e : FactTypes.BY_NAME.entrySet()) {
            Class<? extends Fact> type = e.getValue();
            ObjectNode def = defs.putObject(type.getSimpleName());
            Doc typeDoc = type.getAnnotation(Doc.class);
            if (typeDoc != null) {
                def.put("description", typeDoc.value());
            }
            def.put("type", "object");
            ArrayNode required = def.putArray("required");
            ObjectNode fields = def.putObject("properties");
            for (RecordComponent c : FactTypes.inputFields(type)) {
                ObjectNode f = fields.putObject(c.getName());
                field(c, f, m);
                if (c.isAnnotationPresent(Required.class)) {
                    required.add(c.getName());
                }
            }
            fields.putObject("note").put("type", "string");
            fields.putObject("notes").put("type", "string");
            def.putObject("patternProperties").putObject("^x-");
            def.put("additionalProperties", false);
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void field(RecordComponent c, ObjectNode f, ObjectMapper m) {
        Class<?> t = c.getType();
        if (t == Money.class) {
            f.put("$ref", "#/$defs/money");
        } else if (t == LocalDate.class) {
            f.put("$ref", "#/$defs/date");
        } else if (t == Boolean.class) {
            f.put("$ref", "#/$defs/boolean");
        } else if (t == BigDecimal.class) {
            f.put("$ref", c.isAnnotationPresent(Share.class) ? "#/$defs/share" : "#/$defs/number");
        } else if (t == List.class) {
            ArrayNode any = f.putArray("oneOf");
            any.addObject().put("type", "array").putObject("items").put("type", "string");
            any.addObject().put("type", "string");
        } else {
            f.put("type", "string");
            OneOf oneOf = c.getAnnotation(OneOf.class);
            if (oneOf != null) {
                ArrayNode values = f.putArray("enum");
                for (String v : oneOf.value()) {
                    values.add(v);
                }
            }
        }
        StringBuilder d = new StringBuilder();
        Doc doc = c.getAnnotation(Doc.class);
        if (doc != null) {
            d.append(doc.value());
        } else if (c.getName().equals("source")) {
            d.append("Where the figure comes from; required here or as the document's default source.");
        }
        if (c.isAnnotationPresent(NonNegative.class)) {
            d.append(d.length() > 0 ? " " : "").append("Not negative.");
        }
        if (d.length() > 0) {
            f.put("description", d.toString());
        }
    }
}
