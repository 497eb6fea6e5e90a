package org.offbook.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.model.Json;
import org.offbook.model.Problem;
import org.offbook.model.Severity;

/**
 * GitLab Code Quality JSON ({@code gitlab}), the {@code artifacts:reports:codequality} file of a
 * GitLab CI job: an array with one issue per new finding ({@code check_name} the rule id,
 * {@code description} the title and company, {@code fingerprint} the finding's, {@code severity}
 * info / minor / major / critical / blocker for info / low / medium / high / critical, and
 * {@code location} the first evidence fact's file and line) and one {@code blocker} issue per
 * input or rule file that did not load. Baselined and suppressed findings are left out: GitLab
 * compares the issues of a merge request with those of its target branch by fingerprint.
 */
public final class GitlabReport implements Renderer {

    @Override
    public void render(Report r, Writer out) throws IOException {
        ArrayNode issues = Json.MAPPER.createArrayNode();
        for (Problem e : r.errors()) {
            ObjectNode n = issues.addObject();
            n.put("type", "issue");
            n.put("check_name", "offbook-input");
            n.put("description", "Not loaded: " + e);
            n.put("severity", "blocker");
            n.put("fingerprint", sha256("offbook-input\u0000" + e));
            location(n, e.file(), e.line());
        }
        for (Finding f : r.findings()) {
            if (!f.triage().isNew()) {
                continue;
            }
            ObjectNode n = issues.addObject();
            n.put("type", "issue");
            n.put("check_name", f.ruleId());
            n.put("description", f.ruleId() + " " + f.title() + " (" + f.subjectName() + ")");
            n.putObject("content").put("body", f.explanation() == null ? "" : f.explanation());
            n.putArray("categories").add("Bug Risk");
            n.put("severity", severity(f.severity()));
            n.put("fingerprint", f.fingerprint());
            Evidence at = MarkdownSummary.primary(f);
            location(n, at == null ? f.ruleFile() : at.file(), at == null ? 1 : at.line());
        }
        Json.writer().writeValue(out, issues);
        out.write("\n");
    }

    private static void location(ObjectNode n, String file, int line) {
        ObjectNode loc = n.putObject("location");
        loc.put("path", file == null ? "" : file.replace('\\', '/'));
        loc.putObject("lines").put("begin", Math.max(1, line));
    }

    static String severity(Severity s) {
        return switch (s) {
            case CRITICAL -> "blocker";
            case HIGH -> "critical";
            case MEDIUM -> "major";
            case LOW -> "minor";
            default -> "info";
        };
    }

    /** A stable fingerprint of a problem's text (the first 16 hex digits of its SHA-256). */
    private static String sha256(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
