package org.offbook.load.sec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.offbook.model.Money;
import org.offbook.model.Problem;

/**
 * Reads an SEC companyfacts document ({@code data.sec.gov/api/xbrl/companyfacts/CIK##########.json}),
 * recognised by its content: a top-level object with {@code cik} (a number or a zero-padded
 * string) and a {@code facts} object. Streamed with Jackson (explicit limits, no polymorphic
 * typing: input is only data); only the concepts of the concept table are kept, everything else is
 * skipped unread. Each value keeps its line and JSON path.
 */
final class CompanyFacts {

    /** The same limits as offbook's own JSON documents; companyfacts nests 7 deep. */
    static final JsonFactory JSON = org.offbook.load.JsonLimits.factory();

    /** Companyfacts files are streamed, so they may be larger than offbook's own documents. */
    static final long MAX_BYTES = 1024L * 1024 * 1024;

    static final Pattern ACCN = Pattern.compile("\\d{10}-\\d{2}-\\d{6}");
    static final Pattern CIK = Pattern.compile("\\d{1,10}");

    private CompanyFacts() {
    }

    /** True when the file is a JSON object with a top-level "cik" (number or text) and a "facts" object. */
    static boolean recognise(Path path) {
        try {
            if (Files.size(path) > MAX_BYTES) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean cik = false;
            boolean facts = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (key.equals("cik") && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING)) {
                    cik = true;
                } else if (key.equals("facts") && t == JsonToken.START_OBJECT) {
                    facts = true;
                }
                if (cik && facts) {
                    return true;
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The values and the filer read from one file, committed to the store only if the file is sound. */
    private static final class Read {
        String cik;
        String name;
        int nameLine;
        final List<Observation> values = new ArrayList<>();
    }

    /**
     * Reads one companyfacts file into the store. A value with a problem is reported with its line
     * and JSON path and left out; a file that is not well-formed JSON, or names no valid CIK, is
     * reported and not loaded at all.
     */
    static void read(String file, Path path, ConceptMap concepts, SecStore store, List<Problem> errors) {
        Read r = new Read();
        List<Problem> problems = new org.offbook.load.CappedErrors();
        try (InputStream in = Files.newInputStream(path); JsonParser p = JSON.createParser(in)) {
            p.nextToken(); // START_OBJECT, as recognised
            int cikLine = 1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                JsonToken t = p.nextToken();
                switch (key) {
                    case "cik" -> {
                        cikLine = keyLine;
                        r.cik = cik(p, t);
                        if (r.cik == null) {
                            errors.add(new Problem(file, keyLine, column(p), "cik", "not a CIK: " + shown(p, t)
                                    + " (expected a number, or up to 10 digits as text); file not loaded"));
                            return;
                        }
                    }
                    case "entityName" -> {
                        r.nameLine = keyLine;
                        if (t == JsonToken.VALUE_STRING) {
                            r.name = Observation.cleanName(p.getText());
                        } else if (t != JsonToken.VALUE_NULL) {
                            problems.add(new Problem(file, keyLine, column(p), "entityName", "expected text; the name is left out"));
                            p.skipChildren();
                        }
                    }
                    case "facts" -> {
                        if (t != JsonToken.START_OBJECT) {
                            errors.add(new Problem(file, keyLine, column(p), "facts", "expected an object of namespaces; file not loaded"));
                            return;
                        }
                        readFacts(file, p, concepts, r, problems);
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                errors.add(new Problem(file, line(p), column(p), null, "unexpected content after the top-level object; file not loaded"));
                return;
            }
            if (r.nameLine == 0) {
                r.nameLine = cikLine;
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            errors.add(new Problem(file, loc == null ? 0 : Math.max(loc.getLineNr(), 0), loc == null ? 0 : Math.max(loc.getColumnNr(), 0), null,
                    "malformed companyfacts JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ") + "; file not loaded"));
            return;
        } catch (IOException e) {
            errors.add(Problem.of(file, 0, null, "cannot read: " + e.getMessage()));
            return;
        }
        errors.addAll(problems);
        SecStore.Filer filer = store.filer(r.cik);
        filer.name(r.name, true, null, file, r.nameLine, "SEC companyfacts CIK" + padded(r.cik));
        for (Observation o : r.values) {
            store.add(withCik(o, r.cik));
        }
        if (filer.file == null) {
            filer.file = file;
            filer.line = r.nameLine;
            filer.source = "SEC companyfacts CIK" + padded(r.cik);
        }
    }

    private static Observation withCik(Observation o, String cik) {
        return new Observation(cik, o.concept(), o.unit(), o.start(), o.end(), o.value(), o.accn(), o.form(), o.filed(), o.accepted(),
                o.file(), o.line(), o.where(), o.origin());
    }

    static String padded(String cik) {
        return "0".repeat(Math.max(0, 10 - cik.length())) + cik;
    }

    /** The CIK without leading zeros, or null when the value is not one. */
    private static String cik(JsonParser p, JsonToken t) throws IOException {
        String text;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            text = p.getText();
        } else if (t == JsonToken.VALUE_STRING) {
            text = p.getText().strip();
        } else {
            p.skipChildren();
            return null;
        }
        return normaliseCik(text);
    }

    /** "0000789019", "789019" and "CIK0000789019" are CIK 789019; null when the text is not a CIK. */
    static String normaliseCik(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.regionMatches(true, 0, "CIK", 0, 3)) {
            s = s.substring(3).strip();
        }
        if (!CIK.matcher(s).matches()) {
            return null;
        }
        s = s.replaceFirst("^0+", "");
        return s.isEmpty() ? null : s;
    }

    private static void readFacts(String file, JsonParser p, ConceptMap concepts, Read r, List<Problem> problems) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String ns = p.currentName();
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                problems.add(new Problem(file, line(p), column(p), null, "expected an object of concepts at $.facts." + ns + "; skipped"));
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String concept = ns + ":" + p.currentName();
                String local = p.currentName();
                JsonToken c = p.nextToken();
                if (!concepts.mapped(concept)) {
                    p.skipChildren();
                    continue;
                }
                String at = "$.facts." + ns + "." + local;
                if (c != JsonToken.START_OBJECT) {
                    problems.add(new Problem(file, line(p), column(p), null, "expected an object (label, description, units) at " + at + "; concept skipped"));
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    if (!key.equals("units")) {
                        p.skipChildren(); // label and description: text or null, not used
                        continue;
                    }
                    if (v != JsonToken.START_OBJECT) {
                        problems.add(new Problem(file, line(p), column(p), "units", "expected an object of units at " + at + ".units; concept skipped"));
                        p.skipChildren();
                        continue;
                    }
                    readUnits(file, p, concept, at + ".units", r, problems);
                }
            }
        }
    }

    private static void readUnits(String file, JsonParser p, String concept, String at, Read r, List<Problem> problems) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String unit = p.currentName();
            JsonToken t = p.nextToken();
            String unitAt = at + "." + unit;
            if (t != JsonToken.START_ARRAY) {
                problems.add(new Problem(file, line(p), column(p), null, "expected an array of values at " + unitAt + "; skipped"));
                p.skipChildren();
                continue;
            }
            boolean money = isCurrency(unit);
            int i = -1;
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                i++;
                if (!money) {
                    p.skipChildren(); // shares, pure, USD/shares: not amounts of money
                    continue;
                }
                String path = unitAt + "[" + i + "]";
                if (e != JsonToken.START_OBJECT) {
                    problems.add(new Problem(file, line(p), column(p), null, "expected an object for each value at " + path + "; skipped"));
                    p.skipChildren();
                    continue;
                }
                Observation o = readValue(file, p, concept, unit, path, problems);
                if (o != null) {
                    r.values.add(o);
                }
            }
        }
    }

    static boolean isCurrency(String unit) {
        if (unit.length() != 3 || !unit.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
            return false;
        }
        try {
            Money.checkCurrency(unit);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** One value object: start, end, val, accn, form, filed (fy, fp and frame describe the filing and are not used). */
    private static Observation readValue(String file, JsonParser p, String concept, String unit, String path, List<Problem> problems)
            throws IOException {
        int objLine = line(p);
        String start = null;
        String end = null;
        String accn = null;
        String form = null;
        String filed = null;
        BigDecimal val = null;
        int valLine = objLine;
        int valCol = column(p);
        long before = org.offbook.load.CappedErrors.count(problems);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "start", "end", "accn", "form", "filed" -> {
                    String text = null;
                    if (t == JsonToken.VALUE_STRING) {
                        text = p.getText().strip();
                    } else if (t != JsonToken.VALUE_NULL) {
                        problems.add(new Problem(file, line(p), column(p), key, "expected text, found " + shown(p, t) + " (at " + path + "); value not used"));
                        p.skipChildren();
                    }
                    switch (key) {
                        case "start" -> start = text;
                        case "end" -> end = text;
                        case "accn" -> accn = text;
                        case "form" -> form = text;
                        default -> filed = text;
                    }
                }
                case "val" -> {
                    valLine = line(p);
                    valCol = column(p);
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        val = p.getDecimalValue();
                        String range = Observation.outOfRange(val);
                        if (range != null) {
                            problems.add(new Problem(file, valLine, valCol, "val", range + ", found '" + abbreviated(p.getText())
                                    + "' (at " + path + "); value not used"));
                            val = null;
                        }
                    } else {
                        problems.add(new Problem(file, valLine, valCol, "val", "expected a number, found " + shown(p, t) + " (at " + path
                                + "); value not used"));
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (org.offbook.load.CappedErrors.count(problems) > before) {
            return null;
        }
        LocalDate s = date(file, objLine, "start", start, path, false, problems);
        LocalDate e = date(file, objLine, "end", end, path, true, problems);
        LocalDate f = date(file, objLine, "filed", filed, path, true, problems);
        if (val == null) {
            problems.add(new Problem(file, objLine, 0, "val", "missing (at " + path + "); value not used"));
        }
        if (accn == null) {
            problems.add(new Problem(file, objLine, 0, "accn", "missing: every value names the filing that reported it (at " + path + "); value not used"));
        } else if (!ACCN.matcher(accn).matches()) {
            problems.add(new Problem(file, objLine, 0, "accn", "not an accession number: '" + accn + "' (expected e.g. 0000950170-24-087843; at "
                    + path + "); value not used"));
        }
        if (s != null && e != null && s.isAfter(e)) {
            problems.add(new Problem(file, objLine, 0, "start", "starts after it ends: " + s + " > " + e + " (at " + path + "); value not used"));
        }
        if (org.offbook.load.CappedErrors.count(problems) > before) {
            return null;
        }
        return new Observation(null, concept, unit, s, e, val, accn, form, f, null, file, valLine, path, "companyfacts");
    }

    private static LocalDate date(String file, int line, String field, String text, String path, boolean required, List<Problem> problems) {
        if (text == null || text.isEmpty()) {
            if (required) {
                problems.add(new Problem(file, line, 0, field, "missing (at " + path + "); value not used"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(file, line, 0, field, "expected a date like 2024-06-30, found '" + text + "' (at " + path + "); value not used"));
            return null;
        }
    }

    private static String shown(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> "text '" + abbreviate(p.getText()) + "'";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> t.toString();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static int column(JsonParser p) {
        return p.currentTokenLocation().getColumnNr();
    }
}
