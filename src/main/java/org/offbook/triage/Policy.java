package org.offbook.triage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.offbook.model.Finding;
import org.offbook.model.Json;
import org.offbook.model.LoadError;
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

    private static final ObjectMapper JSON = Json.MAPPER;
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

    public static Policy read(Path file, List<LoadError> errors) {
        String shown = file.toString().replace('\\', '/');
        List<Entry> suppress = new ArrayList<>();
        List<Entry> severity = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add(LoadError.of(shown, 1, null, "expected a JSON object with \"suppress\" and/or \"severity\" lists"));
                return NONE;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                JsonToken t = p.nextToken();
                if (!key.equals("suppress") && !key.equals("severity")) {
                    if (!key.equals("note") && !key.startsWith("x-")) {
                        errors.add(LoadError.of(shown, keyLine, key, "unknown key; expected \"suppress\" or \"severity\""));
                    }
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    errors.add(LoadError.of(shown, keyLine, key, "expected a list"));
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int line = p.currentTokenLocation().getLineNr();
                    JsonNode n = JSON.readTree(p);
                    Entry e = entry(n, key.equals("severity"), shown, line, errors);
                    if (e != null) {
                        (key.equals("severity") ? severity : suppress).add(e);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(LoadError.of(shown, line, null, "malformed configuration: " + e.getOriginalMessage()));
        } catch (IOException e) {
            errors.add(LoadError.of(shown, 0, null, "cannot read configuration: " + e.getMessage()));
        }
        // a bad entry is reported (the run exits 5) and the valid ones still apply
        return new Policy(List.copyOf(suppress), List.copyOf(severity));
    }

    private static Entry entry(JsonNode n, boolean override, String file, int line, List<LoadError> errors) {
        String where = file + ":" + line;
        n.fieldNames().forEachRemaining(k -> {
            if (!MATCH_KEYS.contains(k) && !k.equals("reason") && !(override && k.equals("severity")) && !k.equals("note")) {
                errors.add(LoadError.of(file, line, k, "unknown key (rule, subject, fingerprint, reason" + (override ? ", severity" : "") + ")"));
            }
        });
        String reason = n.path("reason").asText("").strip();
        if (reason.isEmpty()) {
            errors.add(LoadError.of(file, line, "reason", "missing: every suppression and override needs a reason"));
            return null;
        }
        if (MATCH_KEYS.stream().noneMatch(n::hasNonNull)) {
            errors.add(LoadError.of(file, line, null, "give at least one of rule, subject, fingerprint"));
            return null;
        }
        Severity s = null;
        if (override) {
            try {
                s = Severity.parse(n.path("severity").asText(null));
            } catch (IllegalArgumentException e) {
                errors.add(LoadError.of(file, line, "severity", e.getMessage()));
                return null;
            }
        }
        return new Entry(str(n, "rule"), str(n, "subject"), str(n, "fingerprint"), s, reason, where);
    }

    private static String str(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.get(k).asText() : null;
    }
}
