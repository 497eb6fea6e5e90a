package org.offbook.triage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.offbook.model.Finding;
import org.offbook.model.Json;
import org.offbook.model.Problem;
import org.offbook.model.Severity;

/**
 * The team's decisions about findings, in a JSON file given with {@code --config}:
 * <pre>
 * {
 *   "suppress": [ {"rule": "CONC-001", "subject": "coreweave", "reason": "disclosed; monitored in WP 4.2"} ],
 *   "severity": [ {"rule": "SPV-003", "severity": "low", "reason": "tenant rated AA; lease guaranteed"} ]
 * }
 * </pre>
 * An entry matches on every key it gives among {@code rule}, {@code subject} and
 * {@code fingerprint} (at least one); {@code reason} is mandatory. Suppressed findings stay in the
 * reports, marked as suppressed with the reason.
 */
public final class Policy {

    private static final Set<String> MATCH_KEYS = Set.of("rule", "subject", "fingerprint");

    /** One decision: what it matches, the new severity (for overrides) and why. */
    public record Entry(String rule, String subject, String fingerprint, Severity severity, String reason, String where) {
        boolean matches(Finding f) {
            return (rule == null || rule.equals(f.ruleId()))
                    && (subject == null || subject.equals(f.subject()))
                    && (fingerprint == null || fingerprint.equals(f.fingerprint()));
        }
    }

    public static final Policy NONE = new Policy(List.of(), List.of());

    private final List<Entry> suppress;
    private final List<Entry> severity;

    private Policy(List<Entry> suppress, List<Entry> severity) {
        this.suppress = suppress;
        this.severity = severity;
    }

    public List<Entry> suppressions() {
        return suppress;
    }

    public List<Entry> overrides() {
        return severity;
    }

    /**
     * Reads a configuration. Every element of both lists is checked: an element that is not an
     * object, an unknown or mistyped key, a missing reason, a duplicate key is an error with its
     * line and JSON path (the run exits 5), and the valid entries before and after it still apply.
     */
    public static Policy read(Path file, List<Problem> errors) {
        String shown = file.toString().replace('\\', '/');
        List<Entry> suppress = new ArrayList<>();
        List<Entry> severity = new ArrayList<>();
        try {
            String big = TriageJson.tooLarge(file);
            if (big != null) {
                errors.add(Problem.of(shown, 0, null, big));
                return NONE;
            }
        } catch (IOException e) {
            errors.add(Problem.of(shown, 0, null, "cannot read configuration: " + e.getMessage()));
            return NONE;
        }
        JsonParser parser = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = TriageJson.FACTORY.createParser(in)) {
            parser = p;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add(Problem.of(shown, 1, null, "expected a JSON object with \"suppress\" and/or \"severity\" lists"));
                return NONE;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                JsonToken t = p.nextToken();
                if (!key.equals("suppress") && !key.equals("severity")) {
                    if (!key.equals("note") && !key.equals("notes") && !key.startsWith("x-")) {
                        errors.add(Problem.of(shown, keyLine, TriageJson.shown(key), "unknown key; expected \"suppress\" or \"severity\""));
                    }
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    errors.add(Problem.of(shown, keyLine, key, "expected a list, found " + TriageJson.kind(t)));
                    p.skipChildren();
                    continue;
                }
                boolean override = key.equals("severity");
                Set<String> keys = override ? SEVERITY_KEYS : SUPPRESS_KEYS;
                for (TriageJson.Element n : TriageJson.list(p, key, keys, shown, errors)) {
                    Entry e = entry(n, override, shown, errors);
                    if (e != null) {
                        (override ? severity : suppress).add(e);
                    }
                }
            }
            if (p.nextToken() != null) {
                errors.add(Problem.of(shown, p.currentTokenLocation().getLineNr(), null, "unexpected content after the top-level object"));
            }
        } catch (JsonProcessingException e) {
            int line = TriageJson.line(e, parser);
            errors.add(Problem.of(shown, line, null, "malformed configuration: " + TriageJson.describe(e)));
        } catch (IOException e) {
            errors.add(Problem.of(shown, 0, null, "cannot read configuration: " + e.getMessage()));
        }
        // a bad entry is reported (the run exits 5) and the valid ones still apply
        return new Policy(List.copyOf(suppress), List.copyOf(severity));
    }

    private static final Set<String> SUPPRESS_KEYS = new java.util.LinkedHashSet<>(List.of("rule", "subject", "fingerprint", "reason"));
    private static final Set<String> SEVERITY_KEYS = new java.util.LinkedHashSet<>(List.of("rule", "subject", "fingerprint", "severity", "reason"));

    private static Entry entry(TriageJson.Element n, boolean override, String file, List<Problem> errors) {
        int line = n.line();
        String where = file + ":" + line;
        String reason = n.get("reason") == null ? "" : n.get("reason").strip();
        if (reason.isEmpty()) {
            errors.add(Problem.of(file, line, n.path() + ".reason", "missing: every suppression and override needs a reason"));
            return null;
        }
        if (MATCH_KEYS.stream().noneMatch(k -> n.get(k) != null)) {
            errors.add(Problem.of(file, line, n.path(), "give at least one of rule, subject, fingerprint"));
            return null;
        }
        Severity s = null;
        if (override) {
            try {
                s = Severity.parse(n.get("severity"));
            } catch (IllegalArgumentException e) {
                errors.add(Problem.of(file, line, n.path() + ".severity", e.getMessage()));
                return null;
            }
        }
        return new Entry(n.get("rule"), n.get("subject"), n.get("fingerprint"), s, reason, where);
    }
}
