package org.offbook.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.offbook.model.Json;
import org.offbook.triage.Baseline;
import org.offbook.model.Evidence;
import org.offbook.model.TriageStatus;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.offbook.model.FileStats;
import org.offbook.model.Problem;
import org.offbook.model.RuleInfo;
import org.offbook.model.RunInfo;

/**
 * The JSON report: the contract audit tools integrate with, documented in docs/report-format.md.
 * Field order is fixed and nothing depends on time or machine, so the same input gives the same bytes.
 */
public final class JsonReport implements Renderer {

    public static final String FORMAT_VERSION = "1";
    private static final ObjectMapper MAPPER = Json.MAPPER;

    /** The run metadata: the members given (title, asOf, preparer, docsUrl), the rule pack's version always when known. */
    static void run(ObjectNode n, Report r) {
        RunInfo run = r.run();
        given(n, run);
        if (run.docsUrl() != null) {
            n.put("docsUrl", run.docsUrl());
        }
        if (run.rulePack() != null) {
            n.put("rulePack", run.rulePack());
        }
    }

    /** What the user gave: {@code title}, {@code asOf} and {@code preparer}, each only when given (also SARIF's run properties). */
    static void given(ObjectNode n, RunInfo run) {
        if (run.title() != null) {
            n.put("title", run.title());
        }
        if (run.asOf() != null) {
            n.put("asOf", run.asOfText());
        }
        if (run.preparer() != null) {
            n.put("preparer", run.preparer());
        }
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reportFormat", FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "offbook");
        tool.put("version", r.toolVersion());
        run(root.putObject("run"), r);

        ObjectNode inputs = root.putObject("inputs");
        ArrayNode paths = inputs.putArray("paths");
        r.inputs().forEach(paths::add);
        inputs.put("files", r.files().size());
        inputs.put("facts", r.factsLoaded());
        inputs.put("factsRead", r.factsRead());
        inputs.put("rejected", r.factsRejected());
        inputs.put("merged", r.factsMerged());
        ArrayNode perFile = inputs.putArray("perFile");
        for (FileStats s : r.files()) {
            ObjectNode f = perFile.addObject();
            f.put("file", s.file());
            f.put("format", s.format());
            f.put("read", s.read());
            f.put("loaded", s.loaded());
            f.put("rejected", s.rejected());
        }
        ArrayNode skipped = inputs.putArray("skipped");
        r.skipped().forEach(skipped::add);
        ObjectNode rules = inputs.putObject("rules");
        rules.put("files", r.ruleFiles().size());
        ArrayNode ids = rules.putArray("ids");
        for (RuleInfo ri : r.rules()) {
            ids.add(ri.id());
        }
        ObjectNode versions = rules.putObject("versions");
        for (RuleInfo ri : r.rules()) {
            if (r.run().ruleVersion(ri.id()) != null) {
                versions.put(ri.id(), r.run().ruleVersion(ri.id()));
            }
        }

        ArrayNode errors = root.putArray("errors");
        for (Problem e : r.errors()) {
            ObjectNode n = errors.addObject();
            n.put("file", e.file());
            n.put("line", e.line());
            if (e.column() > 0) {
                n.put("column", e.column());
            }
            if (e.field() != null) {
                n.put("field", e.field());
            }
            n.put("message", e.message());
        }

        ArrayNode notices = root.putArray("notices");
        for (Problem e : r.notices()) {
            ObjectNode n = notices.addObject();
            n.put("file", e.file());
            n.put("line", e.line());
            if (e.field() != null) {
                n.put("field", e.field());
            }
            n.put("message", e.message());
        }

        if (r.generatedAt() != null) {
            root.put("generatedAt", r.generatedAt());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("findings", r.findings().size());
        summary.put("new", r.count(TriageStatus.NEW));
        summary.put("baselined", r.count(TriageStatus.BASELINED));
        summary.put("suppressed", r.count(TriageStatus.SUPPRESSED));
        summary.put("resolved", r.resolved().size());
        summary.put("notAssessed", r.gaps().size());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (Severity s : Severity.values()) {
            bySeverity.put(s.label(), r.countBySeverity().get(s));
        }

        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = findings.addObject();
            n.put("fingerprint", f.fingerprint());
            n.put("ruleId", f.ruleId());
            n.put("family", f.family());
            n.put("kind", f.framing().kind());
            n.put("severity", f.severity().label());
            n.put("title", f.title());
            if (!f.isRisk()) {
                n.put("missing", f.framing().missing());
            }
            ObjectNode subject = n.putObject("subject");
            subject.put("id", f.subject());
            subject.put("name", f.subjectName());
            ArrayNode ents = n.putArray("entities");
            f.entities().forEach(ents::add);
            if (f.amount() == null) {
                n.putNull("amount");
            } else {
                n.set("amount", Json.money(f.amount()));
                n.put("amountKind", f.framing().amountKind());
                n.put("amountCounted", f.framing().counted());
                n.put("materiality", f.framing().materiality());
            }
            n.put("structure", f.framing().structure());
            ArrayNode same = n.putArray("sameMoneyAs");
            f.framing().sameMoneyAs().forEach(same::add);
            ArrayNode assumed = n.putArray("assumed");
            f.framing().assumed().forEach(assumed::add);
            n.put("explanation", f.explanation());
            n.put("why", f.why());
            n.put("procedure", f.procedure());
            ArrayNode std = n.putArray("standards");
            f.standards().forEach(std::add);
            ArrayNode ev = n.putArray("evidence");
            for (Evidence e : f.evidence()) {
                ObjectNode en = ev.addObject();
                en.put("file", e.file());
                en.put("line", e.line());
                en.put("type", e.type());
                en.put("fact", e.fact());
                if (e.source() != null) {
                    en.put("source", e.source());
                }
            }
            ObjectNode rule = n.putObject("rule");
            rule.put("name", f.rule());
            rule.put("file", f.ruleFile());
            ObjectNode triage = n.putObject("triage");
            triage.put("status", f.triage().status());
            if (f.triage().reason() != null) {
                triage.put("reason", f.triage().reason());
            }
            if (f.triage().ruleSeverity() != null) {
                triage.put("ruleSeverity", f.triage().ruleSeverity().label());
            }
        }
        ArrayNode assumptions = root.putArray("assumptions");
        for (org.offbook.model.Assumption a : r.assumptions()) {
            ObjectNode n = assumptions.addObject();
            n.put("name", a.name());
            n.put("value", a.value().toPlainString());
            n.put("low", a.low().toPlainString());
            n.put("high", a.high().toPlainString());
            n.put("unit", a.unit());
            n.put("overridden", a.overridden());
            n.put("reason", a.reason());
        }
        ArrayNode resolved = root.putArray("resolved");
        for (Baseline.Entry e : r.resolved()) {
            ObjectNode n = resolved.addObject();
            n.put("fingerprint", e.fingerprint());
            n.put("ruleId", e.ruleId());
            n.put("subject", e.subject());
            n.put("title", e.title());
        }
        if (r.credit() != null && !r.credit().isEmpty()) {
            // optional: only with --credit (docs/report-format.md, "The credit view")
            ArrayNode credit = root.putArray("credit");
            r.credit().forEach(c -> credit.add(CreditReport.json(c)));
        }
        Json.writer().writeValue(out, root);
        out.write("\n");
    }
}
