package org.offbook.triage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offbook.model.Problem;

/**
 * Streaming reader for the triage files (configuration and baseline) with the limits of the input
 * files (docs/security.md): nesting 32, text 100,000 characters, numbers 60, names 1,000, no
 * duplicate keys, at most {@link #MAX_BYTES} bytes and {@link #MAX_ENTRIES} entries a list. Every element of a list is checked: an element
 * that is not an object is an error with its JSON path and the next one is still read. Values of
 * keys that are not wanted (an {@code x-} field, a note) are skipped without being kept in memory.
 */
final class TriageJson {

    /** The largest configuration or baseline file read. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /**
     * The most entries one list of a triage file may hold. Every entry is a reviewed decision; a
     * list longer than this is not a reviewed one, and holding it would take more memory than the
     * checks themselves (400,000 entries in 25 MB need about 400 MB of heap).
     */
    static final int MAX_ENTRIES = 100_000;

    static final JsonFactory FACTORY = org.offbook.load.JsonLimits.factory();

    /** One object of a list: its scalar values as text (null for JSON null), where it starts, and its path. */
    record Element(String path, int line, Map<String, String> values) {
        String get(String key) {
            return values.get(key);
        }
    }

    private TriageJson() {
    }

    /** Why a file cannot be read as a triage file before it is opened (too large), or null. */
    static String tooLarge(Path file) throws IOException {
        long size = Files.size(file);
        return size <= MAX_BYTES ? null : "file is " + size / (1024 * 1024) + " MiB; the limit is " + MAX_BYTES / (1024 * 1024) + " MiB; not read";
    }

    /**
     * Reads the list at the parser's current {@code START_ARRAY}: each element must be an object
     * whose values for {@code keys} are text, numbers, booleans or null; other keys are an error
     * unless they are {@code note}/{@code notes} or start with {@code x-}.
     */
    static List<Element> list(JsonParser p, String listPath, Set<String> keys, String file, List<Problem> errors) throws IOException {
        List<Element> out = new ArrayList<>();
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of the file in '" + listPath + "'");
            }
            int line = p.currentTokenLocation().getLineNr();
            if (index == MAX_ENTRIES) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "the list '" + listPath + "' has more than "
                        + String.format(java.util.Locale.ROOT, "%,d", MAX_ENTRIES) + " entries (the limit); the entries from line " + line + " on are not read");
            }
            String path = listPath + "[" + index++ + "]";
            if (t != JsonToken.START_OBJECT) {
                errors.add(Problem.of(file, line, path, "expected an object, found " + kind(t) + "; this element is ignored"));
                p.skipChildren();
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean ok = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                JsonToken v = p.nextToken();
                if (!keys.contains(key)) {
                    if (!key.equals("note") && !key.equals("notes") && !key.startsWith("x-")) {
                        errors.add(Problem.of(file, keyLine, path + "." + shown(key), "unknown key (" + String.join(", ", keys) + ")"));
                        ok = false;
                    }
                    p.skipChildren();
                } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    errors.add(Problem.of(file, keyLine, path + "." + key, "expected text, found " + kind(v)));
                    p.skipChildren();
                    ok = false;
                } else {
                    values.put(key, v == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            if (ok) {
                out.add(new Element(path, line, values));
            } else {
                errors.add(Problem.of(file, line, path, "this entry is ignored"));
            }
        }
        return out;
    }

    static String kind(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    /** A key as named in a message: at most 100 characters, control characters escaped. */
    static String shown(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length() && sb.length() < 100; i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return key.length() > 100 ? sb + "..." : sb.toString();
    }

    /** A parse error in words, as the input loaders give it. */
    static String describe(JsonProcessingException e) {
        return org.offbook.load.JsonProblems.describe(e);
    }

    /** The line of a parse error: where the exception says, else where the parser stopped (a limit carries no location). */
    static int line(JsonProcessingException e, JsonParser p) {
        var at = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }
}
