package org.offbook.triage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.offbook.model.Finding;
import org.offbook.model.Json;
import org.offbook.model.Problem;

/**
 * Accepted findings, kept in the audit trail: a JSON file with one entry per finding, sorted by
 * fingerprint so that it diffs well. {@code --write-baseline} writes it with empty
 * {@code justification}, {@code reviewer} and {@code date} for the reviewer to fill in;
 * {@code --baseline} reads it and marks matching findings as baselined.
 */
public final class Baseline {

    public static final String FORMAT = "offbook-baseline-1";
    private static final ObjectMapper JSON = Json.MAPPER;

    /** One accepted finding; the identifying fields are for people, matching is by fingerprint. */
    public record Entry(String fingerprint, String ruleId, String subject, String title,
                        String justification, String reviewer, String date, int line) {
    }

    private Baseline() {
    }

    /** The keys of a baseline entry. */
    private static final java.util.Set<String> KEYS = new java.util.LinkedHashSet<>(
            List.of("fingerprint", "ruleId", "subject", "title", "justification", "reviewer", "date"));

    /**
     * Reads a baseline; problems (malformed JSON, an entry that is not an object, unknown or
     * mistyped keys, missing fingerprints, wrong format) go to {@code errors}, each with its line
     * and JSON path. Every entry is checked: a bad one does not hide the ones after it.
     */
    public static List<Entry> read(Path file, List<Problem> errors) {
        String shown = file.toString().replace('\\', '/');
        try {
            String big = TriageJson.tooLarge(file);
            if (big != null) {
                errors.add(Problem.of(shown, 0, null, big));
                return List.of();
            }
        } catch (IOException e) {
            errors.add(Problem.of(shown, 0, null, "cannot read baseline: " + e.getMessage()));
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        JsonParser parser = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = TriageJson.FACTORY.createParser(in)) {
            parser = p;
            String format = null;
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int line = p.currentTokenLocation().getLineNr();
                    JsonToken t = p.nextToken();
                    if (name.equals("format") && t == JsonToken.VALUE_STRING) {
                        format = p.getText();
                    } else if (name.equals("findings")) {
                        if (t != JsonToken.START_ARRAY) {
                            errors.add(Problem.of(shown, line, "findings", "expected a list, found " + TriageJson.kind(t)));
                            p.skipChildren();
                            continue;
                        }
                        for (TriageJson.Element n : TriageJson.list(p, "findings", KEYS, shown, errors)) {
                            out.add(new Entry(n.get("fingerprint"), n.get("ruleId"), n.get("subject"), n.get("title"),
                                    n.get("justification"), n.get("reviewer"), n.get("date"), n.line()));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                if (p.nextToken() != null) {
                    errors.add(Problem.of(shown, p.currentTokenLocation().getLineNr(), null, "unexpected content after the top-level object"));
                }
            }
            if (!FORMAT.equals(format)) {
                errors.add(Problem.of(shown, 1, "format", "not an offbook baseline: expected \"format\": \"" + FORMAT
                        + "\" (write one with --write-baseline)"));
                return List.of();
            }
            Map<String, Entry> seen = new LinkedHashMap<>();
            for (Entry e : out) {
                if (e.fingerprint() == null || !e.fingerprint().matches("[0-9a-f]{16}")) {
                    errors.add(Problem.of(shown, e.line(), "fingerprint", "missing or not a 16-digit hex fingerprint"));
                } else if (seen.putIfAbsent(e.fingerprint(), e) != null) {
                    errors.add(Problem.of(shown, e.line(), "fingerprint", "fingerprint " + e.fingerprint() + " is listed twice"));
                }
            }
            return List.copyOf(seen.values());
        } catch (JsonProcessingException e) {
            int line = TriageJson.line(e, parser);
            errors.add(Problem.of(shown, line, null, "malformed baseline: " + TriageJson.describe(e)));
        } catch (IOException e) {
            errors.add(Problem.of(shown, 0, null, "cannot read baseline: " + e.getMessage()));
        }
        return List.of();
    }

    /**
     * Writes the findings as a baseline. Entries already in {@code previous} keep their
     * justification, reviewer and date, so re-writing a baseline never loses the reviewers' work.
     */
    public static String render(List<Finding> findings, List<Entry> previous) {
        Map<String, Entry> prior = new LinkedHashMap<>();
        for (Entry e : previous) {
            prior.put(e.fingerprint(), e);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::fingerprint));
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("about", "Accepted offbook findings. Fill in justification, reviewer and date for each; "
                + "matching is by fingerprint. Re-run with --baseline FILE.");
        ArrayNode list = root.putArray("findings");
        for (Finding f : sorted) {
            Entry old = prior.get(f.fingerprint());
            ObjectNode n = list.addObject();
            n.put("fingerprint", f.fingerprint());
            n.put("ruleId", f.ruleId());
            n.put("subject", f.subject());
            n.put("title", f.title());
            n.put("justification", old == null || old.justification() == null ? "" : old.justification());
            n.put("reviewer", old == null || old.reviewer() == null ? "" : old.reviewer());
            n.put("date", old == null || old.date() == null ? "" : old.date());
        }
        try {
return Json.writer().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a reviewer has written anything in the entry: a justification, a reviewer or a date. */
    public static boolean reviewed(Entry e) {
        return !blank(e.justification()) || !blank(e.reviewer()) || !blank(e.date());
    }

    /** Whether the entry is signed off: justification, reviewer and date all filled in. */
    public static boolean signed(Entry e) {
        return !blank(e.justification()) && !blank(e.reviewer()) && !blank(e.date());
    }

    /**
     * The reviewed entries of {@code previous} that re-writing the baseline with {@code findings}
     * would drop: their findings were not reported by this run (only part of the folder was
     * checked, or the findings went away).
     */
    public static List<Entry> dropped(List<Finding> findings, List<Entry> previous) {
        java.util.Set<String> kept = new java.util.HashSet<>();
        findings.forEach(f -> kept.add(f.fingerprint()));
        return previous.stream().filter(e -> reviewed(e) && !kept.contains(e.fingerprint())).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
