package org.offbook.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Problem;

/**
 * Reads an offbook JSON document: an object whose keys are fact-type names holding arrays of
 * facts, plus optional {@code source} (the default source of its facts), {@code title} and
 * {@code note}. Parsing is streamed so that each fact and each field keeps its line number.
 * Jackson runs with explicit limits and no polymorphic typing: input is only ever data.
 */
final class JsonDocumentReader {

    static final int MAX_DEPTH = JsonLimits.MAX_DEPTH;
    static final int MAX_STRING = JsonLimits.MAX_STRING;
    static final int MAX_NUMBER = JsonLimits.MAX_NUMBER;
    private static final Set<String> DOCUMENT_FIELDS = Set.of("source", "title", "note", "notes", "$schema");

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonLimits.factory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonDocumentReader() {
    }

    /** Reads one document; facts go to {@code facts}, problems to {@code errors}; returns facts read. */
    static int read(String file, InputStream in, List<Fact> facts, List<Problem> errors) {
        List<Fact> found = new ArrayList<>();
        List<Problem> problems = new CappedErrors();
        int[] read = {0};
        JsonParser parser = null;
        try (JsonParser p = MAPPER.createParser(new Utf8Check(new Bounded(in, FolderLoader.MAX_FILE_BYTES)))) {
            parser = p;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add(Problem.of(file, line(p), null, "not an offbook document: expected a JSON object at the top level"));
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
                        problems.add(Problem.of(file, keyLine, key, "expected an array of " + key));
                        p.skipChildren();
                        continue;
                    }
                    arrays.put(key, readArray(file, p, problems));
                } else if (key.equals("source")) {
                    if (t != JsonToken.VALUE_STRING) {
                        problems.add(Problem.of(file, keyLine, key, "expected text"));
                    } else {
                        // the document's source is every fact's source that gives none: the same checks as a fact's
                        try {
                            Binder.checkText(p.getText());
                            defaultSource = p.getText();
                        } catch (IllegalArgumentException e) {
                            problems.add(Problem.of(file, keyLine, key, Binder.shown(e.getMessage(), 300)
                                    + "; the document's source is not used"));
                        }
                    }
                } else if (DOCUMENT_FIELDS.contains(key) || key.startsWith("x-")) {
                    p.skipChildren();
                } else {
                    problems.add(Problem.of(file, keyLine, Binder.shownName(key), "unknown top-level key" + Binder.suggestion(key, FactTypes.BY_NAME.keySet())
                            + "; expected fact arrays (" + String.join(", ", FactTypes.BY_NAME.keySet()) + ")"));
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                problems.add(Problem.of(file, line(p), null, "unexpected content after the top-level object"));
            }
            if (!any && problems.isEmpty()) {
                problems.add(Problem.of(file, 1, null, "not an offbook document: no fact arrays ("
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
            // a limit (StreamConstraintsException) carries no location: take the parser's
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
            int line = at == null ? 0 : at.getLineNr();
            int col = at == null ? 0 : at.getColumnNr();
            errors.add(new Problem(file, Math.max(line, 0), Math.max(col, 0), null,
                    "malformed JSON: " + describe(e) + "; file not loaded"));
            return 0;
        } catch (Utf8Check.Invalid e) {
            // well-formed UTF-8 only: no overlong forms, no UTF-16 or UTF-32 (docs/security.md)
            errors.add(e.getMessage().startsWith("a NUL byte")
                    ? Problem.of(file, 0, null, "malformed JSON: not UTF-8 text (" + e.getMessage() + "); file not loaded")
                    : new Problem(file, e.line, e.column, null, "malformed JSON: " + e.getMessage() + "; file not loaded"));
            return 0;
        } catch (CharConversionException e) {
            // Jackson guessed UTF-16 or UTF-32 from the first bytes and found no valid text
            errors.add(Problem.of(file, 0, null, "malformed JSON: not UTF-8 text (" + Binder.shown(e.getMessage()) + "); file not loaded"));
            return 0;
        } catch (Bounded.TooLarge e) {
            errors.add(Problem.of(file, 0, null, "file is larger than " + FolderLoader.MAX_FILE_BYTES / (1024 * 1024)
                    + " MiB, the limit; file not loaded"));
            return 0;
        } catch (IOException e) {
            errors.add(Problem.of(file, 0, null, "cannot read: " + Binder.shown(e.getMessage())));
            return 0;
        }
        facts.addAll(found);
        errors.addAll(problems);
        return read[0];
    }

    private static List<Element> readArray(String file, JsonParser p, List<Problem> problems) throws IOException {
        List<Element> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int at = line(p);
            if (t != JsonToken.START_OBJECT) {
                problems.add(Problem.of(file, at, null, "expected an object for each fact, found " + describe(t)));
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

    private static final Pattern LIMIT = Pattern.compile(
            "(Document nesting depth|String value length|Number value length|Name length) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            Pattern.DOTALL);

    /**
     * Jackson's message, on one line and without its internals: a limit is named in words (Jackson
     * names the {@code StreamReadConstraints} method that sets it), and the excerpt of a bad token
     * is cut short and stripped of control characters.
     */
    static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        Matcher limit = LIMIT.matcher(m);
        if (limit.matches()) {
            String what = switch (limit.group(1)) {
                case "Document nesting depth" -> "nesting depth " + limit.group(2);
                case "String value length" -> "a text value of " + limit.group(2) + "+ characters";
                case "Number value length" -> "a number of " + limit.group(2) + "+ characters";
                default -> "a field name of " + limit.group(2) + "+ characters";
            };
            String unit = limit.group(1).equals("Document nesting depth") ? " levels" : " characters";
            return what + " exceeds the limit of " + limit.group(3) + unit;
        }
        m = m.replaceAll(",? ?from `[^`]*`", "");
        return Binder.shown(m.replaceAll("\\s+", " ").strip(), 300);
    }

    /** An input stream that refuses to give more than {@code max} bytes, whatever the file claims to be. */
    static final class Bounded extends java.io.FilterInputStream {
        private long left;

        Bounded(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge() {
                super("too large", null);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new TooLarge();
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(Math.min(n, Math.max(left, 0) + 1));
            left -= k;
            if (left < 0) {
                throw new TooLarge();
            }
            return k;
        }
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
            String s = n.isBigDecimal() ? plain(n.decimalValue()) : n.asText();
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

        /**
         * A JSON number as plain digits, unless that would be absurdly long: {@code 1e999999999}
         * is 11 characters of JSON but a billion digits written out, so it stays in exponent form
         * (which the binder then refuses as out of range) rather than exhausting memory.
         */
        static String plain(java.math.BigDecimal d) {
            long digits = Math.max((long) d.precision() - d.scale(), (long) d.scale()) + d.precision();
            return digits > MAX_NUMBER * 2L ? d.toString() : d.toPlainString();
        }
    }
}
