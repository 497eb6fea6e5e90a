package org.offbook.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.offbook.triage.Baseline;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.offbook.model.FileStats;
import org.offbook.model.Problem;
import org.offbook.model.RuleInfo;

import static org.offbook.reports.Words.capitalise;
import static org.offbook.reports.Words.entitiesOf;
import static org.offbook.reports.Words.nn;
import static org.offbook.reports.Words.nz;
import static org.offbook.reports.Words.plural;

/*
 * Over 600 lines: one page, its sections in reading order in one inner class that shares the report
 * and the markup; the drawing and the style already live apart (LinkLayout, LinkDiagram, report.css).
 */
/**
 * The report as one self-contained HTML5 page, for a partner to read or a workpaper to keep:
 * summary by severity, family and company, errors, a drawing of the links between the entities
 * involved in findings (inline SVG: {@link LinkLayout} places it, {@link LinkDiagram} draws it), and a
 * findings table that filters, sorts and expands to each finding's explanation, standards and
 * evidence. The style sheet and script are resources beside this class ({@code report.css},
 * {@code report.js}); the markup is written with {@link Markup}, which escapes every value and text
 * by construction ({@link Html} for HTML and SVG; {@link Xml} is the one for XML).
 *
 * <p>The page fetches nothing: styles and script are inline, and a Content-Security-Policy of
 * {@code default-src 'none'} admits only those two blocks (by hash), so even markup that got
 * through could neither load anything nor run. Every value from the input is HTML-escaped,
 * in text and attributes alike; the script reads its data from {@code data-*} attributes and is a
 * constant, never built from input. Without JavaScript everything is shown, just not filterable.
 * The markup is also well-formed XML (quoted attributes, closed void elements), which the tests use.
 *
 * <p>The same report gives the same bytes: no clock, no random ids, nothing taken from hash order.
 */
public final class HtmlReport implements Renderer {

    /** The page's style sheet and script: resources beside this class, inlined into every page. */
    static final String CSS = resource("report.css");
    static final String JS = resource("report.js");

    /** Admits exactly the inline style and script blocks, and nothing from anywhere. */
    static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
            + "'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

    public HtmlReport() {
    }

    /** Above this many companies the table "By company" is folded (its first rows stay in the summary cards' reach). */
    static final int FOLD_COMPANIES = 25;

    @Override
    public void render(Report r, Writer out) throws IOException {
        Markup m = new Markup(new StringBuilder(64 * 1024));
        new Page(r, m).write();
        out.write(m.toString());
    }

    // ---------------------------------------------------------------------------------- the page

    /**
     * The page, one method per section, in the order written by {@link #write}: a new section is a new
     * method and a line there (and a link in {@link #header}'s navigation).
     */
    private static final class Page {
        private final Report r;
        private final Markup m;
        private final List<Finding> findings;
        private final Map<String, String> names;

        Page(Report r, Markup m) {
            this.r = r;
            this.m = m;
            this.findings = nz(r.findings()).stream().filter(Finding::isRisk).toList(); // not-assessed ones are shown apart
            this.names = r.entities() == null ? Map.of() : r.entities();
        }

        void write() {
            Map<Severity, Integer> bySev = counts();
            m.trusted("<!DOCTYPE html>").nl().open("html", "lang", "en").nl().open("head").nl();
            m.empty("meta", "charset", "utf-8").nl();
            m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl();
            // a constant of ours, written as it is so that its quotes read as the policy's own
            m.trusted("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\"/>").nl();
            m.empty("meta", "name", "referrer", "content", "no-referrer").nl();
            m.empty("meta", "name", "generator", "content", "offbook " + nn(r.toolVersion())).nl();
            String worst = worstSummary(bySev);
            m.el("title", "offbook report: " + plural(findings.size(), "finding") + (worst.isEmpty() ? "" : " (" + worst + ")")).nl();
            m.open("style").trusted(CSS).close("style").nl().close("head").nl().open("body").nl();
            header();
            m.open("main").nl();
            errors();
            summary(bySev);
            resolved();
            links();
            table();
            CreditSection.render(m, r.credit());
            HtmlGaps.section(m, r);
            inputs();
            m.close("main").nl();
            m.open("footer").el("p", "Generated by offbook " + nn(r.toolVersion()) + ". Findings point to structures worth examining; they"
                    + " are not conclusions. This page is self-contained: it loads nothing from the network.").close("footer").nl();
            m.open("script").trusted(JS).close("script").nl().close("body").nl().close("html").nl();
        }

        private Map<Severity, Integer> counts() {
            Map<Severity, Integer> c = new TreeMap<>();
            for (Severity s : Severity.values()) {
                c.put(s, 0);
            }
            for (Finding f : findings) {
                c.merge(f.severity(), 1, Integer::sum);
            }
            return c;
        }

        private String worstSummary(Map<Severity, Integer> bySev) {
            List<String> parts = new ArrayList<>();
            for (Severity s : descending()) {
                if (s.compareTo(Severity.HIGH) >= 0 && bySev.get(s) > 0) {
                    parts.add(bySev.get(s) + " " + s.label());
                }
            }
            return String.join(", ", parts);
        }

        // ------------------------------------------------------------------------------ header

        /** Engagement, as-of date and preparer as given (a line only when one is given). */
        private void runLine() {
            var run = r.run();
            if (run.title() == null && run.asOf() == null && run.preparer() == null) {
                return;
            }
            m.open("p", "class", "sub", "id", "run");
            String sep = "";
            if (run.title() != null) {
                m.text("Engagement: ").input(run.title());
                sep = " \u00b7 ";
            }
            if (run.asOf() != null) {
                m.text(sep + "as of ").el("time", run.asOfText());
                sep = " \u00b7 ";
            }
            if (run.preparer() != null) {
                m.text(sep + "prepared by ").input(run.preparer());
            }
            m.close("p").nl();
        }

        private void header() {
            m.open("header", "class", "top").nl().el("h1", "offbook report").nl();
            runLine();
            m.open("p", "class", "sub").text("Off-balance-sheet financing check \u00b7 offbook " + nn(r.toolVersion()));
            if (r.generatedAt() != null) {
                m.text(" \u00b7 generated ").el("time", r.generatedAt());
            }
            m.close("p").nl().open("p", "class", "sub", "id", "counts").text("Inputs: ");
            if (nz(r.inputs()).isEmpty()) {
                m.text("none");
            }
            boolean first = true;
            for (String in : nz(r.inputs())) {
                m.text(first ? "" : ", ").elInput("code", in);
                first = false;
            }
            m.text(" \u00b7 " + plural(nz(r.files()).size(), "file"));
            if (!nz(r.skipped()).isEmpty()) {
                m.text(" (" + nz(r.skipped()).size() + " skipped)");
            }
            m.text(" \u00b7 facts: " + r.factsRead() + " read, " + r.factsLoaded() + " loaded, " + r.factsRejected() + " rejected \u00b7 "
                    + plural(nz(r.rules()).size(), "rule") + " from " + plural(nz(r.ruleFiles()).size(), "rule file")).close("p").nl();
            m.open("nav", "aria-label", "Sections");
            if (!nz(r.errors()).isEmpty()) {
                m.el("a", "Errors", "href", "#errors");
            }
            m.el("a", "Summary", "href", "#summary");
            if (!nz(r.resolved()).isEmpty()) {
                m.el("a", "Resolved", "href", "#resolved");
            }
            m.el("a", "Links", "href", "#links").el("a", "Findings", "href", "#findings").el("a", "Inputs and rules", "href", "#inputs");
            m.close("nav").nl().close("header").nl();
        }

        // ------------------------------------------------------------------------------ errors

        private void errors() {
            List<Problem> errs = nz(r.errors());
            if (errs.isEmpty()) {
                return;
            }
            m.open("section", "id", "errors", "class", "errors", "aria-labelledby", "errors-h").nl()
                    .el("h2", plural(errs.size(), "error") + ": these inputs or rules were not (fully) checked", "id", "errors-h").nl()
                    .open("ul", "class", "errlist").nl();
            for (Problem e : errs) {
                m.open("li").elInput("code", e.location()).text(": ");
                if (e.field() != null) {
                    m.text("field ").elInput("code", e.field()).text(": ");
                }
                m.input(e.message()).close("li").nl();
            }
            m.close("ul").nl().close("section").nl();
        }

        // ----------------------------------------------------------------------------- summary

        private void summary(Map<Severity, Integer> bySev) {
            long nNew = r.count("new");
            long nBase = r.count("baselined");
            long nSupp = r.count("suppressed");
            int nErr = nz(r.errors()).size();
            m.open("section", "id", "summary", "aria-labelledby", "summary-h").nl().el("h2", "Summary", "id", "summary-h").nl();
            m.open("div", "class", "cards").nl();
            card("findings", "Findings", findings.size(), false);
            card("new", "New", nNew, false);
            card("baselined", "Baselined", nBase, false);
            card("suppressed", "Suppressed", nSupp, false);
            card("resolved", "Resolved", nz(r.resolved()).size(), false);
            for (Severity s : descending()) {
                if (s.compareTo(Severity.HIGH) >= 0) {
                    card(s.label(), capitalise(s.label()), bySev.get(s), bySev.get(s) > 0);
                }
            }
            card("errors", "Errors", nErr, nErr > 0);
            m.close("div").nl();
            m.open("p", "id", "failing");
            if (r.failOn() == null) {
                m.text("No --fail-on level: the run does not fail on findings.");
            } else {
                int failing = r.failing().size();
                m.text(plural(failing, "new finding") + (failing == 1 ? " is" : " are") + " at or above the --fail-on level ")
                        .el("strong", r.failOn().label()).text(failing > 0 ? ": the run fails (exit 4)." : ": the run passes.");
            }
            m.close("p").nl().open("div", "class", "grid").nl();
            bySeverity(nNew, nBase, nSupp);
            Map<String, Tally> fams = new TreeMap<>();
            for (Finding f : findings) {
                fams.computeIfAbsent(nn(f.family()), k -> new Tally()).add(f);
            }
            groupTable("sum-family", "By family", "Family", fams, key -> m.input(key));
            Map<String, Tally> cos = new TreeMap<>();
            Map<String, String> coNames = new TreeMap<>();
            for (Finding f : findings) {
                cos.computeIfAbsent(nn(f.subject()), k -> new Tally()).add(f);
                coNames.putIfAbsent(nn(f.subject()), subjectName(f));
            }
            // a long table by company is folded, so that the summary stays a summary (issue 20)
            boolean fold = cos.size() > FOLD_COMPANIES;
            if (fold) {
                m.open("details", "class", "big", "id", "sum-company-fold").open("summary")
                        .text("By company: " + plural(cos.size(), "company") + ", most severe first (open to see them)").close("summary").nl();
            }
            groupTable("sum-company", "By company", "Company", cos, key -> m.input(coNames.get(key)).elInput("span", key, "class", "subid"));
            if (fold) {
                m.close("details").nl();
            }
            m.close("div").nl().close("section").nl();
        }

        private void bySeverity(long nNew, long nBase, long nSupp) {
            m.open("table", "id", "sum-severity", "class", "sum").nl().el("caption", "By severity").nl().open("thead").open("tr")
                    .el("th", "Severity", "scope", "col");
            numHeads("Findings", "New", "Baselined", "Suppressed");
            m.close("tr").close("thead").nl().open("tbody").nl();
            for (Severity s : descending()) {
                Tally t = new Tally();
                for (Finding f : findings) {
                    if (f.severity() == s) {
                        t.add(f);
                    }
                }
                m.open("tr", "data-key", s.label()).open("th", "scope", "row").el("span", s.label(), "class", "sev sev-" + s.label()).close("th");
                numCells(t.total, t.fresh, t.baselined, t.suppressed);
                m.close("tr").nl();
            }
            m.open("tr", "data-key", "total").el("th", "Total", "scope", "row");
            numCells(findings.size(), (int) nNew, (int) nBase, (int) nSupp);
            m.close("tr").nl().close("tbody").nl().close("table").nl();
        }

        private void card(String key, String label, long n, boolean alert) {
            m.open("div", "class", alert ? "card alert" : "card", "id", "count-" + key).el("span", String.valueOf(n), "class", "n")
                    .el("span", label, "class", "l").close("div").nl();
        }

        private void numCells(int... ns) {
            for (int n : ns) {
                m.el("td", String.valueOf(n), "class", n == 0 ? "n z" : "n");
            }
        }

        private void numHeads(String... heads) {
            for (String h : heads) {
                m.el("th", h, "scope", "col", "class", "n");
            }
        }

        private void groupTable(String id, String caption, String what, Map<String, Tally> groups, Consumer<String> label) {
            List<Map.Entry<String, Tally>> rows = new ArrayList<>(groups.entrySet());
            // most severe first, then most findings, then by key
            rows.sort(Comparator.<Map.Entry<String, Tally>, Integer>comparing(e -> -e.getValue().max.ordinal())
                    .thenComparing(e -> -e.getValue().total).thenComparing(Map.Entry::getKey));
            m.open("table", "id", id, "class", "sum").nl().el("caption", caption).nl().open("thead").open("tr").el("th", what, "scope", "col")
                    .el("th", "Most severe", "scope", "col");
            numHeads("Findings", "New", "Baselined", "Suppressed");
            m.close("tr").close("thead").nl().open("tbody").nl();
            if (rows.isEmpty()) {
                m.open("tr").el("td", "None", "colspan", "6", "class", "muted").close("tr").nl();
            }
            for (Map.Entry<String, Tally> e : rows) {
                Tally t = e.getValue();
                m.open("tr", "data-key", e.getKey()).open("th", "scope", "row");
                label.accept(e.getKey());
                m.close("th").open("td").el("span", t.max.label(), "class", "sev sev-" + t.max.label()).close("td");
                numCells(t.total, t.fresh, t.baselined, t.suppressed);
                m.close("tr").nl();
            }
            m.close("tbody").nl().close("table").nl();
        }

        // ---------------------------------------------------------------------------- resolved

        private void resolved() {
            List<Baseline.Entry> res = nz(r.resolved());
            if (res.isEmpty()) {
                return;
            }
            m.open("section", "id", "resolved", "aria-labelledby", "resolved-h").nl()
                    .el("h2", "Resolved since the baseline (" + res.size() + ")", "id", "resolved-h").nl()
                    .el("p", "These baselined findings no longer occur.").nl()
                    .open("table", "id", "resolved-table").nl().open("thead").open("tr");
            for (String h : List.of("Rule", "Subject", "Title", "Justification", "Reviewer", "Date", "Fingerprint")) {
                m.el("th", h, "scope", "col");
            }
            m.close("tr").close("thead").nl().open("tbody").nl();
            for (Baseline.Entry e : res) {
                m.open("tr").elInput("td", e.ruleId()).elInput("td", e.subject()).elInput("td", e.title()).elInput("td", e.justification())
                        .elInput("td", e.reviewer()).elInput("td", e.date()).open("td").elInput("code", e.fingerprint()).close("td")
                        .close("tr").nl();
            }
            m.close("tbody").nl().close("table").nl().close("section").nl();
        }

        // ------------------------------------------------------------------------------- links

        private void links() {
            LinkDiagram.section(m, findings, names);
        }

        // ------------------------------------------------------------------------------- table

        private void table() {
            m.open("section", "id", "findings", "aria-labelledby", "findings-h").nl().el("h2", "Findings (" + findings.size() + ")", "id",
                    "findings-h").nl();
            if (findings.isEmpty()) {
                m.el("p", "No findings.", "class", "ok").nl().close("section").nl();
                return;
            }
            controls();
            m.el("p", plural(findings.size(), "finding"), "id", "shown", "aria-live", "polite").nl();
            m.open("table", "id", "findings-table", "class", "findings").nl()
                    .el("caption", "Findings; each row expands to its explanation, standards and evidence", "class", "vh").nl()
                    .open("thead").open("tr").open("th", "scope", "col").el("span", "Details", "class", "vh").close("th");
            String[][] heads = {{"rank", "Severity"}, {"rule", "Rule"}, {"family", "Family"}, {"name", "Company"}, {"title", "Title"},
                {"amount", "Amount"}, {"status", "Status"}};
            for (String[] h : heads) {
                m.el("th", h[1], "scope", "col", "data-key", h[0], "class", h[0].equals("amount") ? "n" : null);
            }
            m.close("tr").close("thead").nl();
            int i = 0;
            for (Finding f : findings) {
                row(f, ++i);
            }
            m.close("table").nl().el("p", "No finding matches the filters.", "id", "nomatch", "class", "muted", "hidden", "").nl()
                    .close("section").nl();
        }

        /** The filter controls: hidden until the script shows them (they need it). */
        private void controls() {
            m.open("div", "id", "controls", "class", "controls noprint", "role", "search", "aria-label", "Filter findings", "hidden", "").nl();
            Map<Severity, Integer> bySev = counts();
            m.open("fieldset").el("legend", "Severity");
            for (Severity s : descending()) {
                m.open("label").empty("input", "type", "checkbox", "name", "sev", "value", s.label(), "checked", "")
                        .text(" " + s.label() + " (" + bySev.get(s) + ")").close("label");
            }
            m.close("fieldset").nl().open("fieldset").el("legend", "Status");
            Set<String> statuses = new LinkedHashSet<>(List.of("new", "baselined", "suppressed"));
            for (Finding f : findings) {
                statuses.add(f.triage().status());
            }
            for (String s : statuses) {
                m.open("label").empty("input", "type", "checkbox", "name", "status", "value", s, "checked", "")
                        .text(" " + s + " (" + r.count(s) + ")").close("label");
            }
            m.close("fieldset").nl().open("div").el("label", "Family", "class", "lbl", "for", "f-family").open("select", "id", "f-family")
                    .el("option", "All families", "value", "");
            Map<String, Integer> fams = new TreeMap<>();
            for (Finding f : findings) {
                fams.merge(nn(f.family()), 1, Integer::sum);
            }
            fams.forEach((k, n) -> m.open("option", "value", k).inline(k).text(" (" + n + ")").close("option"));
            m.close("select").close("div").nl().open("div").el("label", "Company", "class", "lbl", "for", "f-company")
                    .open("select", "id", "f-company").el("option", "All companies", "value", "");
            Map<String, String> cos = new TreeMap<>();
            Map<String, Integer> coCount = new TreeMap<>();
            for (Finding f : findings) {
                cos.putIfAbsent(nn(f.subject()), subjectName(f));
                coCount.merge(nn(f.subject()), 1, Integer::sum);
            }
            List<String> coIds = new ArrayList<>(cos.keySet());
            coIds.sort(Comparator.comparing((String id) -> cos.get(id).toLowerCase(Locale.ROOT)).thenComparing(id -> id));
            for (String id : coIds) {
                m.open("option", "value", id).inline(cos.get(id)).text(" (" + coCount.get(id) + ")").close("option");
            }
            m.close("select").close("div").nl().open("div").el("label", "Text", "class", "lbl", "for", "f-text")
                    .empty("input", "type", "search", "id", "f-text", "placeholder", "words in any field").close("div").nl()
                    .open("div").el("button", "Show all", "type", "button", "id", "f-reset").text(" ")
                    .el("button", "Expand all", "type", "button", "id", "f-expand").text(" ")
                    .el("button", "Collapse all", "type", "button", "id", "f-collapse").close("div").nl().close("div").nl();
        }

        private void row(Finding f, int i) {
            String sev = f.severity().label();
            String status = nn(f.triage().status());
            m.open("tbody", "class", f.triage().isNew() ? "f" : "f quiet", "id", "f" + i, "data-idx", String.valueOf(i), "data-sev", sev,
                    "data-rank", String.valueOf(f.severity().ordinal()), "data-rule", nn(f.ruleId()), "data-family", nn(f.family()),
                    "data-subject", nn(f.subject()), "data-name", subjectName(f), "data-title", nn(f.title()),
                    "data-amount", f.amount() == null ? "" : f.amount().amount().toPlainString(),
                    "data-ccy", f.amount() == null ? "" : nn(f.amount().currency()), "data-status", status,
                    "data-fingerprint", nn(f.fingerprint())).nl();
            m.open("tr", "class", "main").open("td", "class", "tg")
                    .open("button", "type", "button", "class", "toggle", "aria-expanded", "true", "aria-controls", "d" + i, "hidden", "")
                    .el("span", "Details of finding " + i, "class", "vh").close("button").close("td")
                    .open("td").el("span", sev, "class", "sev sev-" + sev).close("td")
                    .elInput("td", f.ruleId(), "class", "mono").elInput("td", f.family())
                    .open("td").input(subjectName(f)).elInput("span", f.subject(), "class", "subid").close("td")
                    .elInput("td", f.title())
                    .el("td", f.amount() == null ? "\u2014" : f.amount().display(), "class", "amt")
                    .open("td").start("span", "class", "st st-" + status).inlineAttr("title", f.triage().reason()).end().text(status)
                    .close("span").close("td").close("tr").nl();

            m.open("tr", "class", "detail", "id", "d" + i).open("td", "colspan", "8").nl();
            if (!f.triage().isNew() || f.triage().reason() != null) {
                m.open("p", "class", "triage").el("strong", capitalise(status));
                if (f.triage().reason() != null) {
                    m.text(": ").input(f.triage().reason());
                }
                m.close("p").nl();
            }
            if (f.triage().ruleSeverity() != null && f.triage().ruleSeverity() != f.severity()) {
                m.open("p", "class", "triage").text("Severity set to ").el("strong", sev)
                        .text(" by configuration; the rule says " + f.triage().ruleSeverity().label() + ".").close("p").nl();
            }
            m.open("dl", "class", "why").nl();
            List<String> quoted = entitiesOf(f).stream().map(e -> nameOf(e, f)).toList();
            dd("Explanation", f.explanation(), quoted);
            dd("Why it matters", f.why(), quoted);
            dd("Procedure", f.procedure(), quoted);
            HtmlGaps.amount(m, f);
            m.el("dt", "Standards").open("dd").open("ul", "class", "std");
            for (String s : nz(f.standards())) {
                m.elInput("li", s);
            }
            m.close("ul").close("dd").nl().el("dt", "Entities").open("dd");
            boolean first = true;
            for (String e : entitiesOf(f)) {
                m.text(first ? "" : ", ").input(nameOf(e, f)).text(" ").open("span", "class", "muted").text("(").input(e).text(")").close("span");
                first = false;
            }
            m.close("dd").nl().el("dt", "Evidence").open("dd").open("table", "class", "ev").open("thead").open("tr")
                    .el("th", "Where", "scope", "col").el("th", "Type", "scope", "col").el("th", "Fact", "scope", "col")
                    .close("tr").close("thead").open("tbody");
            for (Evidence e : nz(f.evidence())) {
                m.open("tr").open("td").open("code").input(e.file()).text(":" + e.line()).close("code").close("td").elInput("td", e.type())
                        .elInput("td", e.fact()).close("tr");
            }
            m.close("tbody").close("table").close("dd").nl();
            m.el("dt", "Fingerprint").open("dd").el("code", f.fingerprint()).close("dd").nl();
            m.el("dt", "Rule").open("dd").input(f.rule()).text(" ").open("span", "class", "muted").text("(").elInput("code", f.ruleFile())
                    .text(")").close("span").close("dd").nl();
            m.close("dl").nl().close("td").close("tr").nl().close("tbody").nl();
        }

        /** A term and its text, which may quote the names of the finding's entities ({@code quoted}). */
        private void dd(String term, String value, List<String> quoted) {
            if (value != null && !value.isBlank()) {
                m.el("dt", term).open("dd").quoting(value, quoted).close("dd").nl();
            }
        }

        // ------------------------------------------------------------------------------ inputs

        private void inputs() {
            m.open("section", "id", "inputs", "aria-labelledby", "inputs-h").nl().el("h2", "Inputs and rules", "id", "inputs-h").nl()
                    .open("dl", "class", "facts").nl();
            m.el("dt", "Tool").el("dd", "offbook " + nn(r.toolVersion())).nl();
            if (r.run().rulePack() != null) {
                m.el("dt", "Rule pack").open("dd").el("code", r.run().rulePack()).close("dd").nl();
            }
            if (r.generatedAt() != null) {
                m.el("dt", "Generated").el("dd", r.generatedAt()).nl();
            }
            m.el("dt", "Inputs").open("dd").open("ul", "class", "plain");
            for (String in : nz(r.inputs())) {
                m.open("li").elInput("code", in).close("li");
            }
            m.close("ul").close("dd").nl();
            m.el("dt", "Files").el("dd", nz(r.files()).size() + " read"
                    + (nz(r.skipped()).isEmpty() ? "" : ", " + nz(r.skipped()).size() + " other files skipped"), "id", "stat-files").nl();
            m.el("dt", "Facts").el("dd", r.factsRead() + " read, " + r.factsLoaded() + " loaded, " + r.factsRejected() + " rejected", "id",
                    "stat-facts").nl();
            m.el("dt", "Rules").el("dd", plural(nz(r.rules()).size(), "rule") + " from " + plural(nz(r.ruleFiles()).size(), "rule file"), "id",
                    "stat-rules").nl();
            m.el("dt", "Fail on").el("dd", r.failOn() == null ? "never" : r.failOn().label()).nl().close("dl").nl();

            m.open("div", "class", "grid").nl().open("table", "id", "files-table").nl().el("caption", "Files").nl().open("thead").open("tr")
                    .el("th", "File", "scope", "col").el("th", "Format", "scope", "col");
            numHeads("Read", "Loaded", "Rejected");
            m.close("tr").close("thead").nl().open("tbody").nl();
            for (FileStats s : nz(r.files())) {
                m.open("tr").open("td").elInput("code", s.file()).close("td").el("td", s.format());
                numCells(s.read(), s.loaded(), s.rejected());
                m.close("tr").nl();
            }
            for (String s : nz(r.skipped())) {
                m.open("tr").open("td").elInput("code", s).close("td").el("td", "skipped", "colspan", "4", "class", "muted").close("tr").nl();
            }
            m.close("tbody").nl().close("table").nl();
            m.open("table", "id", "rules-table", "class", "wide").nl().el("caption", "Rules").nl().open("thead").open("tr")
                    .el("th", "Rule", "scope", "col").el("th", "Family", "scope", "col").el("th", "Severity", "scope", "col")
                    .el("th", "Title", "scope", "col").close("tr").close("thead").nl().open("tbody").nl();
            for (RuleInfo ri : nz(r.rules())) {
                m.open("tr").elInput("td", ri.id(), "class", "mono").elInput("td", ri.family()).elInput("td", ri.severity()).open("td")
                        .input(ri.title()).text(" ").open("span", "class", "subid").elInput("code", ri.file()).close("span");
                if (r.run().ruleVersion(ri.id()) != null) {
                    m.text(" ").open("span", "class", "subid").text("version ").el("code", r.run().ruleVersion(ri.id())).close("span");
                }
                m.close("td").close("tr").nl();
            }
            m.close("tbody").nl().close("table").nl().close("div").nl().close("section").nl();
        }

        // ------------------------------------------------------------------------------- names

        private String subjectName(Finding f) {
            if (f.subjectName() != null && !f.subjectName().isBlank()) {
                return f.subjectName();
            }
            String n = names.get(f.subject());
            return n != null ? n : nn(f.subject());
        }

        private String nameOf(String id, Finding f) {
            String n = names.get(id);
            if (n != null) {
                return n;
            }
            return id.equals(f.subject()) ? subjectName(f) : id;
        }
    }

    /** Counts for one group of findings. */
    private static final class Tally {
        int total;
        int fresh;
        int baselined;
        int suppressed;
        Severity max = Severity.INFO;

        void add(Finding f) {
            total++;
            switch (nn(f.triage().status())) {
                case "new" -> fresh++;
                case "baselined" -> baselined++;
                case "suppressed" -> suppressed++;
                default -> {
                }
            }
            if (f.severity().compareTo(max) > 0) {
                max = f.severity();
            }
        }
    }

    // -------------------------------------------------------------------------------- helpers

    private static List<Severity> descending() {
        List<Severity> out = new ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(out);
        return out;
    }

    /** A text resource beside this class, with line ends made {@code \n} whatever the checkout did to them. */
    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + name + " beside " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
