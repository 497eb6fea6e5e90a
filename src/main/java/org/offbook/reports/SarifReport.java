package org.offbook.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.offbook.model.Evidence;
import org.offbook.model.TriageStatus;
import org.offbook.model.Finding;
import org.offbook.model.Json;
import org.offbook.model.Severity;
import org.offbook.model.Problem;
import org.offbook.model.RuleInfo;
import org.offbook.model.RunInfo;
import org.offbook.model.Version;

/**
 * SARIF 2.1.0, for code-scanning dashboards. Every rule is described in {@code tool.driver.rules}
 * (title, description, its doc page as help, standards); each finding is a result whose level
 * follows its severity, whose message is the explanation, whose locations are the evidence files
 * and lines, and whose {@code partialFingerprints} carry the finding's fingerprint. Baselined and
 * suppressed findings carry a SARIF suppression with the reason; load errors are tool notifications.
 */
public final class SarifReport implements Renderer {

    static final String FINGERPRINT_KEY = "offbookFingerprint/v1";
    private static final ObjectMapper JSON = Json.MAPPER;

    @Override
    public void render(Report r, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "offbook");
        driver.put("version", r.toolVersion());
        String semver = r.toolVersion().replaceAll("[^0-9.].*$", "");
        driver.put("semanticVersion", r.toolVersion().endsWith(Version.DEVELOPMENT) && !semver.isEmpty() ? semver + "-dev" : semver);
        RunInfo meta = r.run();
        if (meta.docsUrl() != null) {
            driver.put("informationUri", meta.docsUrl());
        }
        if (meta.rulePack() != null) {
            driver.putObject("properties").put("rulePack", meta.rulePack());
        }
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo ri : r.rules()) {
            index.put(ri.id(), rules.size());
            ObjectNode n = rules.addObject();
            n.put("id", ri.id());
            n.put("name", name(ri.title()));
            n.putObject("shortDescription").put("text", ri.title());
            String helpAt = helpUri(meta.docsUrl(), ri.file(), ri.id());
            if (helpAt != null) {
                n.put("helpUri", helpAt);
            }
            n.putObject("fullDescription").put("text", ri.title() + ". Standards: " + String.join("; ", ri.standards()) + ".");
            String doc = ri.doc() != null ? ri.doc() : ri.title() + "\n\nStandards: " + String.join("; ", ri.standards());
            ObjectNode help = n.putObject("help");
            help.put("text", doc);
            help.put("markdown", doc);
            n.putObject("defaultConfiguration").put("level", level(Severity.parse(ri.severity())));
            ObjectNode props = n.putObject("properties");
            props.put("family", ri.family());
            props.put("severity", ri.severity());
            if (meta.ruleVersion(ri.id()) != null) {
                props.put("ruleVersion", meta.ruleVersion(ri.id()));
            }
            ArrayNode std = props.putArray("standards");
            ri.standards().forEach(std::add);
            ArrayNode tags = props.putArray("tags");
            tags.add(ri.family());
            tags.add("off-balance-sheet");
        }

        boolean compared = !r.resolved().isEmpty() || r.count(TriageStatus.BASELINED) > 0;
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            if (index.containsKey(f.ruleId())) {
                res.put("ruleIndex", index.get(f.ruleId()));
            }
            // a not-assessed finding is a note: a question left open by a missing input, not a problem found
            res.put("level", f.isRisk() ? level(f.severity()) : "note");
            res.putObject("message").put("text", f.explanation() == null ? f.title() : f.explanation());
            List<Evidence> ev = f.evidence();
            Evidence primary = ev.stream().filter(e -> !e.type().equals("threshold")).findFirst().orElse(ev.isEmpty() ? null : ev.get(0));
            if (primary != null) {
                location(res.putArray("locations").addObject(), primary);
            }
            ArrayNode related = res.putArray("relatedLocations");
            int id = 1;
            for (Evidence e : ev) {
                if (e == primary) {
                    continue;
                }
                ObjectNode loc = related.addObject();
                loc.put("id", id++);
                location(loc, e);
                loc.putObject("message").put("text", e.type() + " " + e.fact() + (e.source() == null ? "" : " (source: " + e.source() + ")"));
            }
            res.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
            if (compared && f.triage().state() != TriageStatus.SUPPRESSED) {
                res.put("baselineState", f.triage().state() == TriageStatus.BASELINED ? "unchanged" : "new");
            }
            if (!f.triage().isNew()) {
                ObjectNode s = res.putArray("suppressions").addObject();
                s.put("kind", "external");
                s.put("status", "accepted");
                if (f.triage().reason() != null) {
                    s.put("justification", f.triage().reason());
                }
            }
            ObjectNode props = res.putObject("properties");
            props.put("kind", f.framing().kind());
            if (!f.isRisk()) {
                props.put("missing", f.framing().missing());
            }
            props.put("severity", f.severity().label());
            props.put("family", f.family());
            props.put("title", f.title());
            props.put("subject", f.subject());
            props.put("subjectName", f.subjectName());
            ArrayNode ents = props.putArray("entities");
            f.entities().forEach(ents::add);
            if (f.amount() != null) {
                props.put("amount", f.amount().amount().toPlainString());
                props.put("currency", f.amount().currency());
                if (f.framing().amountKind() != null) {
                    props.put("amountKind", f.framing().amountKind());
                }
                props.put("amountCounted", f.framing().counted());
                if (!f.framing().sameMoneyAs().isEmpty()) {
                    ArrayNode same = props.putArray("sameMoneyAs");
                    f.framing().sameMoneyAs().forEach(same::add);
                }
                if (f.framing().materiality() != null) {
                    props.put("materiality", f.framing().materiality());
                }
            }
            if (f.framing().structure() != null) {
                props.put("structure", f.framing().structure());
            }
            if (!f.framing().assumed().isEmpty()) {
                ArrayNode assumed = props.putArray("assumed");
                f.framing().assumed().forEach(assumed::add);
            }
            if (f.why() != null) {
                props.put("why", f.why());
            }
            if (f.procedure() != null) {
                props.put("procedure", f.procedure());
            }
            props.put("status", f.triage().status());
        }

        if (meta.automationId() != null) {
            run.putObject("automationDetails").put("id", meta.automationId());
        }
        ObjectNode runProps = JSON.createObjectNode();
        JsonReport.given(runProps, meta);
        if (!runProps.isEmpty()) {
            run.set("properties", runProps);
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", r.errors().isEmpty());
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        for (Problem e : r.errors()) {
            ObjectNode n = notes.addObject();
            n.put("level", "error");
            n.putObject("message").put("text", e.toString());
            ObjectNode phys = n.putArray("locations").addObject().putObject("physicalLocation");
            phys.putObject("artifactLocation").put("uri", uri(e.file()));
            if (e.line() > 0) {
                ObjectNode region = phys.putObject("region");
                region.put("startLine", e.line());
                if (e.column() > 0) {
                    region.put("startColumn", e.column());
                }
            }
        }
        run.put("columnKind", "unicodeCodePoints");

        Json.writer().writeValue(out, root);
        out.write("\n");
    }

    /**
     * A rule's page as an absolute address: the docs base joined with the page's path relative to the
     * rule folder, the DRL's folder and the rule's id ({@code spv/SPV-001.md}, docs/writing-rules.md);
     * null without a base. SARIF 2.1.0 requires helpUri to be
     * an absolute URI and gives it no uriBaseId, so without a base the rule carries no helpUri.
     */
    static String helpUri(String base, String ruleFile, String ruleId) {
        if (base == null || ruleFile == null) {
            return null;
        }
        String f = ruleFile.replace('\\', '/');
        if (f.startsWith("jar:")) {
            f = f.substring(4);
        }
        String[] parts = f.split("/");
        if (parts.length < 2 || !parts[parts.length - 1].endsWith(".drl")) {
            return null;
        }
        String page = parts[parts.length - 2] + "/" + ruleId + ".md";
        return (base.endsWith("/") ? base : base + "/") + uri(page);
    }

    private static void location(ObjectNode loc, Evidence e) {
        ObjectNode phys = loc.putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", uri(e.file()));
        phys.putObject("region").put("startLine", Math.max(1, e.line()));
    }

    /** A relative path stays relative (with '/'); an absolute one becomes a file: URI. */
    static String uri(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p.toUri().toString();
        }
        StringBuilder sb = new StringBuilder();
        for (String part : file.replace('\\', '/').split("/")) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "note";
        };
    }

    /** A rule title as a SARIF rule name: PascalCase words, letters and digits only. */
    static String name(String title) {
        StringBuilder sb = new StringBuilder();
        for (String w : title.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }
}
