package org.offbook.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offbook.facts.Fact;
import org.offbook.facts.FactTypes;

/**
 * Reads an offbook JSON document: an object whose keys are fact-type names holding arrays of
 * facts, plus optional {@code source} (the default source of its facts), {@code title} and
 * {@code note}. Parsing is streamed so that each fact and each field keeps its line number.
 * Jackson runs with explicit limits and no polymorphic typing: input is only ever data.
 */
final class JsonDocumentReader {

    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 100_000;
    static final int MAX_NUMBER = 60;
    private static final Set<String> DOCUMENT_FIELDS = Set.of("source", "title", "note", "notes", "$schema");

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING)
                            .maxNumberLength(MAX_NUMBER)
                            .maxNameLength(1_000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonDocumentReader() {
    }

    /** Reads one document; facts go to {@code facts}, problems to {@code errors}; returns facts read. */
    static int read(String file, InputStream in, List<Fact> facts, List<LoadError> errors) {
        List<Fact> found = new ArrayList<>();
        List<LoadError> problems = new ArrayList<>();
        int[] read = {0};
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add(LoadError.of(file, line(p), null, "not an offbook document: expected a JSON object at the top level"));
                return 0;
            }
            Map<String, List<Element>> arrays = new LinkedHashMap<>();
            String defaultSource = null;
            boolean any = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                JsonToken t = p.nextToken();
                if (FactTypes.BY_NAME.containsKey(key)) {
                    any = true;
                    if (t != JsonToken.START_ARRAY) {
                        problems.add(LoadError.of(file, keyLine, key, "expected an array of " + key));
                        p.skipChildren();
                        continue;
                    }
                    arrays.put(key, readArray(file, p, problems));
                } else if (key.equals("source")) {
                    if (t != JsonToken.VALUE_STRING) {
                        problems.add(LoadError.of(file, keyLine, key, "expected text"));
                    } else {
                        defaultSource = p.getText();
                    }
                } else if (DOCUMENT_FIELDS.contains(key) || key.startsWith("x-")) {
                    p.skipChildren();
                } else {
                    problems.add(LoadError.of(file, keyLine, key, "unknown top-level key" + Binder.suggestion(key, FactTypes.BY_NAME.keySet())
                            + "; expected fact arrays (" + String.join(", ", FactTypes.BY_NAME.keySet()) + ")"));
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                problems.add(LoadError.of(file, line(p), null, "unexpected content after the top-level object"));
            }
            if (!any && problems.isEmpty()) {
                problems.add(LoadError.of(file, 1, null, "not an offbook document: no fact arrays ("
                        + String.join(", ", FactTypes.BY_NAME.keySet()) + ")"));
            }
            for (Map.Entry<String, List<Element>> e : arrays.entrySet()) {
                Class<? extends Fact> type = FactTypes.BY_NAME.get(e.getKey());
                for (Element el : e.getValue()) {
                    read[0]++;
                    Fact f = Binder.bind(type, el, defaultSource, problems);
                    if (f != null) {
                        found.add(f);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            errors.add(new LoadError(file, Math.max(line, 0), Math.max(col, 0), null,
                    "malformed JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ") + "; file not loaded"));
            return 0;
        } catch (IOException e) {
            errors.add(LoadError.of(file, 0, null, "cannot read: " + e.getMessage()));
            return 0;
        }
        facts.addAll(found);
        errors.addAll(problems);
        return read[0];
    }

    private static List<Element> readArray(String file, JsonParser p, List<LoadError> problems) throws IOException {
        List<Element> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int at = line(p);
            if (t != JsonToken.START_OBJECT) {
                problems.add(LoadError.of(file, at, null, "expected an object for each fact, found " + describe(t)));
                p.skipChildren();
                continue;
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                lines.put(name, line(p));
                p.nextToken();
                fields.put(name, MAPPER.readTree(p));
            }
            out.add(new Element(file, at, fields, lines));
        }
        return out;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    /** One fact object with the line of each of its fields. */
    private record Element(String file, int line, Map<String, JsonNode> fields, Map<String, Integer> lines) implements RawRecord {

        @Override
        public Set<String> fieldNames() {
            return fields.keySet();
        }

        @Override
        public String text(String field) throws FieldException {
            JsonNode n = fields.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isContainerNode()) {
                throw new FieldException("expected a single value, found " + (n.isArray() ? "an array" : "an object"));
            }
            String s = n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText();
            s = s.strip();
            return s.isEmpty() ? null : s;
        }

        @Override
        public List<String> list(String field) throws FieldException {
            JsonNode n = fields.get(field);
            if (n == null || n.isNull()) {
                return List.of();
            }
            if (!n.isArray()) {
                String one = text(field);
                return one == null ? List.of() : List.of(one);
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : n) {
                if (item.isContainerNode() || item.isNull()) {
                    throw new FieldException("expected a list of text values");
                }
                String s = item.asText().strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }

        @Override
        public int lineOf(String field) {
            return lines.getOrDefault(field, line);
        }
    }
}
