package org.offbook.reports;

import java.io.IOException;
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
import org.offbook.triage.Baseline;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.offbook.model.FileStats;
import org.offbook.model.LoadError;
import org.offbook.model.RuleInfo;

/**
 * The report as one self-contained HTML5 page, for a partner to read or a workpaper to keep:
 * summary by severity, family and company, errors, a drawing of the links between the entities
 * involved in findings (inline SVG laid out here, deterministically), and a findings table that
 * filters, sorts and expands to each finding's explanation, standards and evidence.
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

    private static final String CSS = """
            :root{--fg:#1f2328;--muted:#57606a;--border:#d0d7de;--panel:#f6f8fa;--accent:#0b5cad}
            *{box-sizing:border-box}
            [hidden]{display:none!important}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
            header.top{background:#14213d;color:#fff;padding:16px 24px 12px}
            header.top h1{margin:0;font-size:22px;font-weight:650}
            header.top .sub{margin:2px 0 0;color:#d6deeb}
            header.top code{color:#fff}
            header.top nav{margin-top:8px;font-size:13px}
            header.top nav a{color:#fff;margin-right:16px}
            main{max-width:1320px;margin:0 auto;padding:8px 24px 32px}
            h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--border)}
            h3{font-size:14px;margin:14px 0 6px}
            a{color:var(--accent)}
            .mono{white-space:nowrap}
            code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
            .vh{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
            .muted{color:var(--muted)}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0 0}
            dl.facts dt{font-weight:600}
            dl.facts dd{margin:0}
            ul.plain{margin:0;padding:0;list-style:none}
            .cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 4px}
            .card{border:1px solid var(--border);border-radius:6px;padding:6px 14px;min-width:104px;background:#fff}
            .card .n{display:block;font-size:24px;font-weight:650;line-height:1.2}
            .card .l{font-size:12px;color:var(--muted)}
            .card.alert{border-color:#b91c1c;background:#fef2f2}
            .card.alert .n{color:#991b1b}
            .grid{display:flex;flex-wrap:wrap;gap:12px 36px;align-items:flex-start}
            .grid>table{width:auto;flex:0 1 auto}
            .grid>table.wide{flex:1 1 480px}
            table.sum th[scope=row]{min-width:9em;font-weight:600}
            table{border-collapse:collapse;width:100%}
            caption{text-align:left;font-weight:650;padding:4px 0}
            th,td{padding:5px 8px;text-align:left;vertical-align:top;border-bottom:1px solid var(--border)}
            thead th{background:var(--panel);font-size:12.5px;white-space:nowrap}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            td.z{color:#6e7781}
            .sev{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:650;white-space:nowrap}
            .sev.sev-critical{background:#7f1d1d;color:#fff}
            .sev.sev-high{background:#b91c1c;color:#fff}
            .sev.sev-medium{background:#fde68a;color:#3b2f00}
            .sev.sev-low{background:#dbeafe;color:#1e3a8a}
            .sev.sev-info{background:#e5e7eb;color:#1f2937}
            .st{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;border:1px solid var(--border);white-space:nowrap}
            .st.st-new{font-weight:650;border-color:#1f2328}
            .st.st-baselined{color:#374151;background:#eef2f6}
            .st.st-suppressed{color:#374151;background:#eef2f6;font-style:italic}
            section.errors{border:2px solid #b91c1c;background:#fef2f2;border-radius:6px;padding:4px 16px 12px;margin-top:20px}
            section.errors h2{color:#991b1b;border-color:#f5c2c2;margin-top:8px}
            section.errors li{margin:2px 0}
            .ok{color:#166534}
            .controls{display:flex;flex-wrap:wrap;gap:10px 22px;align-items:flex-end;padding:10px 12px;margin:8px 0;background:var(--panel);border:1px solid var(--border);border-radius:6px}
            .controls fieldset{border:0;margin:0;padding:0}
            .controls legend,.controls .lbl{display:block;font-weight:650;font-size:12px;padding:0;margin-bottom:2px}
            .controls fieldset label{margin-right:10px;font-size:13px;white-space:nowrap}
            .controls select,.controls input[type=search]{font:inherit;font-size:13px;padding:3px 6px;border:1px solid #8c959f;border-radius:4px;background:#fff;max-width:260px}
            .controls button,.btn{font:inherit;font-size:13px;padding:3px 10px;border:1px solid #8c959f;border-radius:4px;background:#fff;cursor:pointer}
            #shown{margin:4px 0 8px;font-weight:600}
            table.findings>thead th{position:sticky;top:0;z-index:1}
            table.findings th button.sort{font:inherit;font-weight:650;background:none;border:0;padding:0;color:inherit;cursor:pointer}
            table.findings th[aria-sort=ascending] button.sort::after{content:" \\25B2";font-size:10px}
            table.findings th[aria-sort=descending] button.sort::after{content:" \\25BC";font-size:10px}
            table.findings tr.main td{border-bottom:0;border-top:1px solid var(--border)}
            table.findings tbody.f.js tr.main{cursor:pointer}
            table.findings tbody.f tr.main:hover{background:#f6f8fa}
            table.findings tbody.f.quiet tr.main td{color:#4b5563}
            table.findings td.amt{white-space:nowrap;text-align:right;font-variant-numeric:tabular-nums}
            table.findings td.tg{width:28px;padding-right:0}
            .subid{display:block;font-size:11.5px;color:var(--muted)}
            button.toggle{width:22px;height:22px;padding:0;border:1px solid #8c959f;border-radius:4px;background:#fff;cursor:pointer;line-height:1}
            button.toggle::before{content:"\\25B8";display:inline-block;font-size:12px}
            button.toggle[aria-expanded=true]::before{transform:rotate(90deg)}
            tr.detail>td{background:#fbfcfd;padding:4px 16px 14px 44px}
            .why{display:grid;grid-template-columns:150px 1fr;gap:4px 14px;margin:6px 0}
            .why dt{font-weight:650;color:#374151}
            .why dd{margin:0;white-space:pre-line;max-width:110ch}
            .triage{margin:6px 0;padding:4px 10px;border-left:4px solid #8c959f;background:#f3f4f6}
            ul.std{margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px}
            ul.std li{border:1px solid var(--border);border-radius:4px;padding:0 6px;font-size:12.5px;background:#fff}
            table.ev{width:auto;min-width:60%;margin:2px 0;font-size:12.5px}
            table.ev th,table.ev td{padding:2px 8px}
            .graphbox{overflow-x:auto}
            svg.graph{display:block;max-width:100%;height:auto;border:1px solid var(--border);border-radius:6px;background:#fff}
            .graph .colhead{font-size:13px;font-weight:650;fill:#57606a;text-anchor:middle}
            .graph .node rect{fill:#fff;stroke:#8c959f;stroke-width:1.2}
            .graph .node.sev-critical rect{fill:#fee2e2;stroke:#7f1d1d;stroke-width:3}
            .graph .node.sev-high rect{fill:#fee2e2;stroke:#b91c1c;stroke-width:2.2}
            .graph .node.sev-medium rect{fill:#fef3c7;stroke:#b45309;stroke-width:1.5}
            .graph .node.sev-low rect{fill:#dbeafe;stroke:#1d4ed8;stroke-width:1.5}
            .graph .node.sev-info rect{fill:#f3f4f6;stroke:#4b5563;stroke-width:1.5}
            .graph .nname{font-size:12px;font-weight:650;fill:#1f2328;text-anchor:middle}
            .graph .nmeta{font-size:10.5px;fill:#4b5563;text-anchor:middle}
            .graph .edge path{fill:none}
            .graph .edge.lo path{stroke:#8c959f;stroke-width:1.6}
            .graph .edge.hi path{stroke:#c62828;stroke-width:3.5}
            .graph .elabel{font-size:11px;fill:#374151;paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
            .graph .elabel.s{text-anchor:start}
            .graph .elabel.e{text-anchor:end}
            .graph .elabel .hi{fill:#9b1c1c;font-weight:650}
            .graph .leader{stroke:#8c959f;stroke-width:1;stroke-dasharray:2 3;fill:none}
            .legend{font-size:12.5px;color:#374151;margin:6px 0}
            .legend .sw{display:inline-block;width:28px;height:0;vertical-align:middle;margin:0 6px 0 14px}
            .legend .sw.hi{border-top:4px solid #c62828}
            .legend .sw.lo{border-top:2px solid #8c959f}
            .legend .sw:first-child{margin-left:0}
            footer{max-width:1320px;margin:0 auto;padding:12px 24px 24px;color:var(--muted);font-size:12px;border-top:1px solid var(--border)}
            @media print{
            body{font-size:11px}
            header.top{background:none;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
            header.top .sub{color:#000}
            header.top nav,.controls,button.toggle,.noprint{display:none!important}
            main{max-width:none;padding:0}
            tr.detail[hidden]{display:table-row!important}
            table.findings>thead th{position:static}
            tr.main{break-after:avoid}
            details::details-content{content-visibility:visible;display:block}
            a{color:inherit;text-decoration:none}
            .sev,.st,.card,section.errors{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            svg.graph,.graph .edge,.graph .node{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            }
            """;

    private static final String JS = """
            (function () {
              'use strict';
              var doc = document;
              var table = doc.getElementById('findings-table');
              var closedForPrint = [];
              var sortButtons = [];
              // printing: open every <details>; and put the column titles back in place of their sort
              // buttons, which Chrome does not paint in a table header repeated on each page
              window.addEventListener('beforeprint', function () {
                closedForPrint = [];
                doc.querySelectorAll('details:not([open])').forEach(function (d) { closedForPrint.push(d); d.open = true; });
                sortButtons.forEach(function (b) {
                  var th = b.parentNode;
                  while (b.firstChild) { th.appendChild(b.firstChild); }
                  th.removeChild(b);
                });
              });
              window.addEventListener('afterprint', function () {
                closedForPrint.forEach(function (d) { d.open = false; });
                closedForPrint = [];
                sortButtons.forEach(function (b) {
                  var th = b.thCell;
                  while (th.firstChild) { b.appendChild(th.firstChild); }
                  th.appendChild(b);
                });
              });
              if (!table) { doc.documentElement.setAttribute('data-js', 'ready'); return; }
              var bodies = Array.prototype.slice.call(table.tBodies);
              var controls = doc.getElementById('controls');
              var shown = doc.getElementById('shown');
              var noMatch = doc.getElementById('nomatch');
              var family = doc.getElementById('f-family');
              var company = doc.getElementById('f-company');
              var text = doc.getElementById('f-text');
              var sevBoxes = Array.prototype.slice.call(controls.querySelectorAll('input[name=sev]'));
              var stBoxes = Array.prototype.slice.call(controls.querySelectorAll('input[name=status]'));

              function setOpen(b, open) {
                var det = b.rows[1];
                var btn = b.querySelector('button.toggle');
                det.hidden = !open;
                btn.setAttribute('aria-expanded', open ? 'true' : 'false');
              }
              bodies.forEach(function (b) {
                var btn = b.querySelector('button.toggle');
                b.classList.add('js');
                btn.hidden = false;
                setOpen(b, false);
                btn.addEventListener('click', function (e) {
                  e.stopPropagation();
                  setOpen(b, b.rows[1].hidden);
                });
                b.rows[0].addEventListener('click', function () {
                  var sel = window.getSelection ? String(window.getSelection()) : '';
                  if (sel.length === 0) { setOpen(b, b.rows[1].hidden); }
                });
              });

              function checkedSet(boxes) {
                var s = Object.create(null);
                boxes.forEach(function (x) { if (x.checked) { s[x.value] = true; } });
                return s;
              }
              function apply() {
                var sev = checkedSet(sevBoxes);
                var st = checkedSet(stBoxes);
                var fam = family.value;
                var co = company.value;
                var q = text.value.trim().toLowerCase();
                var n = 0;
                bodies.forEach(function (b) {
                  var d = b.dataset;
                  var ok = sev[d.sev] === true && st[d.status] === true && (fam === '' || d.family === fam)
                    && (co === '' || d.subject === co) && (q === '' || b.textContent.toLowerCase().indexOf(q) >= 0);
                  b.hidden = !ok;
                  if (ok) { n++; }
                });
                shown.textContent = 'Showing ' + n + ' of ' + bodies.length + ' findings';
                noMatch.hidden = n !== 0;
              }
              controls.hidden = false;
              sevBoxes.concat(stBoxes).forEach(function (x) { x.addEventListener('change', apply); });
              family.addEventListener('change', apply);
              company.addEventListener('change', apply);
              text.addEventListener('input', apply);
              doc.getElementById('f-reset').addEventListener('click', function () {
                sevBoxes.concat(stBoxes).forEach(function (x) { x.checked = true; });
                family.value = '';
                company.value = '';
                text.value = '';
                apply();
              });
              doc.getElementById('f-expand').addEventListener('click', function () {
                bodies.forEach(function (b) { setOpen(b, true); });
              });
              doc.getElementById('f-collapse').addEventListener('click', function () {
                bodies.forEach(function (b) { setOpen(b, false); });
              });

              var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
              var state = { key: '', dir: 1 };
              function compare(key, a, b) {
                var x = a.dataset, y = b.dataset;
                if (key === 'rank') { return Number(x.rank) - Number(y.rank); }
                if (key === 'amount') {
                  var hx = x.amount !== '', hy = y.amount !== '';
                  if (hx !== hy) { return hx ? 1 : -1; }
                  if (!hx) { return 0; }
                  if (x.ccy !== y.ccy) { return x.ccy < y.ccy ? -1 : 1; }
                  return Number(x.amount) - Number(y.amount);
                }
                return String(x[key]).localeCompare(String(y[key]), 'en', { numeric: true, sensitivity: 'base' });
              }
              function sortBy(key) {
                var dir = state.key === key ? -state.dir : (key === 'rank' || key === 'amount' ? -1 : 1);
                state = { key: key, dir: dir };
                var order = bodies.slice().sort(function (a, b) {
                  var c = compare(key, a, b) * dir;
                  return c !== 0 ? c : Number(a.dataset.idx) - Number(b.dataset.idx);
                });
                order.forEach(function (b) { table.appendChild(b); });
                heads.forEach(function (th) {
                  if (th.dataset.key === key) {
                    th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
                  } else if (th.dataset.key) {
                    th.removeAttribute('aria-sort');
                  }
                });
              }
              heads.forEach(function (th) {
                var key = th.dataset.key;
                if (!key) { return; }
                var btn = doc.createElement('button');
                btn.type = 'button';
                btn.className = 'sort';
                btn.title = 'Sort by ' + th.textContent.toLowerCase();
                while (th.firstChild) { btn.appendChild(th.firstChild); }
                th.appendChild(btn);
                btn.thCell = th;
                sortButtons.push(btn);
                btn.addEventListener('click', function () { sortBy(key); });
              });
              apply();
              doc.documentElement.setAttribute('data-js', 'ready');
            })();
            """;

    /** Admits exactly the inline style and script blocks above, and nothing from anywhere. */
    static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
            + "'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

    public HtmlReport() {
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(64 * 1024);
        new Page(r, sb).write();
        out.write(sb.toString());
    }

    // ---------------------------------------------------------------------------------- the page

    private static final class Page {
        private final Report r;
        private final StringBuilder sb;
        private final List<Finding> findings;
        private final Map<String, String> names;

        Page(Report r, StringBuilder sb) {
            this.r = r;
            this.sb = sb;
            this.findings = nz(r.findings());
            this.names = r.entities() == null ? Map.of() : r.entities();
        }

        void write() {
            Map<Severity, Integer> bySev = counts();
            sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
            sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
            sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\"/>\n");
            sb.append("<meta name=\"referrer\" content=\"no-referrer\"/>\n");
            sb.append("<meta name=\"generator\" content=\"offbook ").append(esc(r.toolVersion())).append("\"/>\n");
            sb.append("<title>offbook report: ").append(plural(findings.size(), "finding"));
            String worst = worstSummary(bySev);
            if (!worst.isEmpty()) {
                sb.append(" (").append(worst).append(')');
            }
            sb.append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
            header();
            sb.append("<main>\n");
            errors();
            summary(bySev);
            resolved();
            graph();
            table();
            inputs();
            sb.append("</main>\n");
            sb.append("<footer><p>Generated by offbook ").append(esc(r.toolVersion()))
                    .append(". Findings point to structures worth examining; they are not conclusions. ")
                    .append("This page is self-contained: it loads nothing from the network.</p></footer>\n");
            sb.append("<script>").append(JS).append("</script>\n</body>\n</html>\n");
        }

        private Map<Severity, Integer> counts() {
            Map<Severity, Integer> m = new TreeMap<>();
            for (Severity s : Severity.values()) {
                m.put(s, 0);
            }
            for (Finding f : findings) {
                m.merge(f.severity(), 1, Integer::sum);
            }
            return m;
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

        private void header() {
            sb.append("<header class=\"top\">\n<h1>offbook report</h1>\n<p class=\"sub\">Off-balance-sheet financing check");
            sb.append(" &#183; offbook ").append(esc(r.toolVersion()));
            if (r.generatedAt() != null) {
                sb.append(" &#183; generated <time>").append(esc(r.generatedAt())).append("</time>");
            }
            sb.append("</p>\n<p class=\"sub\" id=\"counts\">Inputs: ");
            List<String> ins = new ArrayList<>();
            for (String in : nz(r.inputs())) {
                ins.add("<code>" + esc(in) + "</code>");
            }
            sb.append(ins.isEmpty() ? "none" : String.join(", ", ins)).append(" &#183; ").append(plural(nz(r.files()).size(), "file"));
            if (!nz(r.skipped()).isEmpty()) {
                sb.append(" (").append(nz(r.skipped()).size()).append(" skipped)");
            }
            sb.append(" &#183; facts: ").append(r.factsRead()).append(" read, ").append(r.factsLoaded()).append(" loaded, ")
                    .append(r.factsRejected()).append(" rejected &#183; ").append(plural(nz(r.rules()).size(), "rule")).append(" from ")
                    .append(plural(nz(r.ruleFiles()).size(), "rule file"));
            sb.append("</p>\n<nav aria-label=\"Sections\">");
            if (!nz(r.errors()).isEmpty()) {
                sb.append("<a href=\"#errors\">Errors</a>");
            }
            sb.append("<a href=\"#summary\">Summary</a>");
            if (!nz(r.resolved()).isEmpty()) {
                sb.append("<a href=\"#resolved\">Resolved</a>");
            }
            sb.append("<a href=\"#links\">Links</a><a href=\"#findings\">Findings</a><a href=\"#inputs\">Inputs and rules</a>");
            sb.append("</nav>\n</header>\n");
        }

        // ------------------------------------------------------------------------------ errors

        private void errors() {
            List<LoadError> errs = nz(r.errors());
            if (errs.isEmpty()) {
                return;
            }
            sb.append("<section id=\"errors\" class=\"errors\" aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\">")
                    .append(plural(errs.size(), "error"))
                    .append(": these inputs or rules were not (fully) checked</h2>\n<ul class=\"errlist\">\n");
            for (LoadError e : errs) {
                sb.append("<li><code>").append(esc(e.location())).append("</code>: ");
                if (e.field() != null) {
                    sb.append("field <code>").append(esc(e.field())).append("</code>: ");
                }
                sb.append(esc(e.message())).append("</li>\n");
            }
            sb.append("</ul>\n</section>\n");
        }

        // ----------------------------------------------------------------------------- summary

        private void summary(Map<Severity, Integer> bySev) {
            long nNew = r.count("new");
            long nBase = r.count("baselined");
            long nSupp = r.count("suppressed");
            int nErr = nz(r.errors()).size();
            sb.append("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n");
            sb.append("<div class=\"cards\">\n");
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
            sb.append("</div>\n");
            sb.append("<p id=\"failing\">");
            if (r.failOn() == null) {
                sb.append("No --fail-on level: the run does not fail on findings.");
            } else {
                int failing = r.failing().size();
                sb.append(plural(failing, "new finding")).append(failing == 1 ? " is" : " are").append(" at or above the --fail-on level <strong>")
                        .append(esc(r.failOn().label())).append("</strong>")
                        .append(failing > 0 ? ": the run fails (exit 4)." : ": the run passes.");
            }
            sb.append("</p>\n<div class=\"grid\">\n");

            // by severity
            sb.append("<table id=\"sum-severity\" class=\"sum\">\n<caption>By severity</caption>\n<thead><tr><th scope=\"col\">Severity</th>")
                    .append("<th scope=\"col\" class=\"n\">Findings</th><th scope=\"col\" class=\"n\">New</th>")
                    .append("<th scope=\"col\" class=\"n\">Baselined</th><th scope=\"col\" class=\"n\">Suppressed</th></tr></thead>\n<tbody>\n");
            for (Severity s : descending()) {
                Tally t = new Tally();
                for (Finding f : findings) {
                    if (f.severity() == s) {
                        t.add(f);
                    }
                }
                sb.append("<tr data-key=\"").append(s.label()).append("\"><th scope=\"row\"><span class=\"sev sev-").append(s.label())
                        .append("\">").append(s.label()).append("</span></th>");
                numCells(t.total, t.fresh, t.baselined, t.suppressed);
                sb.append("</tr>\n");
            }
            sb.append("<tr data-key=\"total\"><th scope=\"row\">Total</th>");
            numCells(findings.size(), (int) nNew, (int) nBase, (int) nSupp);
            sb.append("</tr>\n</tbody>\n</table>\n");

            // by family
            Map<String, Tally> fams = new TreeMap<>();
            for (Finding f : findings) {
                fams.computeIfAbsent(nn(f.family()), k -> new Tally()).add(f);
            }
            groupTable("sum-family", "By family", "Family", fams, key -> esc(key));

            // by company
            Map<String, Tally> cos = new TreeMap<>();
            Map<String, String> coNames = new TreeMap<>();
            for (Finding f : findings) {
                cos.computeIfAbsent(nn(f.subject()), k -> new Tally()).add(f);
                coNames.putIfAbsent(nn(f.subject()), subjectName(f));
            }
            groupTable("sum-company", "By company", "Company", cos,
                    key -> esc(coNames.get(key)) + "<span class=\"subid\">" + esc(key) + "</span>");
            sb.append("</div>\n</section>\n");
        }

        private void card(String key, String label, long n, boolean alert) {
            sb.append("<div class=\"card").append(alert ? " alert" : "").append("\" id=\"count-").append(key).append("\"><span class=\"n\">")
                    .append(n).append("</span><span class=\"l\">").append(label).append("</span></div>\n");
        }

        private void numCells(int... ns) {
            for (int n : ns) {
                sb.append("<td class=\"n").append(n == 0 ? " z" : "").append("\">").append(n).append("</td>");
            }
        }

        private void groupTable(String id, String caption, String what, Map<String, Tally> groups,
                                java.util.function.Function<String, String> label) {
            List<Map.Entry<String, Tally>> rows = new ArrayList<>(groups.entrySet());
            // most severe first, then most findings, then by key
            rows.sort(Comparator.<Map.Entry<String, Tally>, Integer>comparing(e -> -e.getValue().max.ordinal())
                    .thenComparing(e -> -e.getValue().total).thenComparing(Map.Entry::getKey));
            String[] idClass = (id + " ").split(" ", 2);
            sb.append("<table id=\"").append(idClass[0]).append("\" class=\"sum ").append(idClass[1].strip()).append("\">\n<caption>")
                    .append(caption)
                    .append("</caption>\n<thead><tr><th scope=\"col\">").append(what).append("</th><th scope=\"col\">Most severe</th>")
                    .append("<th scope=\"col\" class=\"n\">Findings</th><th scope=\"col\" class=\"n\">New</th>")
                    .append("<th scope=\"col\" class=\"n\">Baselined</th><th scope=\"col\" class=\"n\">Suppressed</th></tr></thead>\n<tbody>\n");
            if (rows.isEmpty()) {
                sb.append("<tr><td colspan=\"6\" class=\"muted\">None</td></tr>\n");
            }
            for (Map.Entry<String, Tally> e : rows) {
                Tally t = e.getValue();
                sb.append("<tr data-key=\"").append(esc(e.getKey())).append("\"><th scope=\"row\">").append(label.apply(e.getKey()))
                        .append("</th><td><span class=\"sev sev-").append(t.max.label()).append("\">").append(t.max.label())
                        .append("</span></td>");
                numCells(t.total, t.fresh, t.baselined, t.suppressed);
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }

        // ---------------------------------------------------------------------------- resolved

        private void resolved() {
            List<Baseline.Entry> res = nz(r.resolved());
            if (res.isEmpty()) {
                return;
            }
            sb.append("<section id=\"resolved\" aria-labelledby=\"resolved-h\">\n<h2 id=\"resolved-h\">Resolved since the baseline (")
                    .append(res.size()).append(")</h2>\n<p>These baselined findings no longer occur.</p>\n")
                    .append("<table id=\"resolved-table\">\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Subject</th>")
                    .append("<th scope=\"col\">Title</th><th scope=\"col\">Justification</th><th scope=\"col\">Reviewer</th>")
                    .append("<th scope=\"col\">Date</th><th scope=\"col\">Fingerprint</th></tr></thead>\n<tbody>\n");
            for (Baseline.Entry e : res) {
                sb.append("<tr><td>").append(esc(e.ruleId())).append("</td><td>").append(esc(e.subject())).append("</td><td>")
                        .append(esc(e.title())).append("</td><td>").append(esc(e.justification())).append("</td><td>")
                        .append(esc(e.reviewer())).append("</td><td>").append(esc(e.date())).append("</td><td><code>")
                        .append(esc(e.fingerprint())).append("</code></td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n</section>\n");
        }

        // ------------------------------------------------------------------------------- graph

        private void graph() {
            sb.append("<section id=\"links\" aria-labelledby=\"links-h\">\n<h2 id=\"links-h\">Links between the entities in findings</h2>\n");
            if (findings.isEmpty()) {
                sb.append("<p>No findings, so no links to draw.</p>\n</section>\n");
                return;
            }
            Graph g = new Graph(findings, names);
            sb.append("<p class=\"legend\"><span class=\"sw hi\"></span>high or critical finding<span class=\"sw lo\"></span>other findings")
                    .append(" &#183; arrows run from the company a finding is about to the other entities it involves, labelled with")
                    .append(" rule and amount &#183; a box&#8217;s colour is the most severe finding about that entity.</p>\n");
            sb.append("<div class=\"graphbox\">\n");
            g.svg(sb);
            sb.append("</div>\n");
            g.linkTable(sb);
            sb.append("</section>\n");
        }

        // ------------------------------------------------------------------------------- table

        private void table() {
            sb.append("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings (")
                    .append(findings.size()).append(")</h2>\n");
            if (findings.isEmpty()) {
                sb.append("<p class=\"ok\">No findings.</p>\n</section>\n");
                return;
            }
            // filter controls: hidden until the script shows them (they need it)
            sb.append("<div id=\"controls\" class=\"controls noprint\" role=\"search\" aria-label=\"Filter findings\" hidden=\"\">\n");
            Map<Severity, Integer> bySev = counts();
            sb.append("<fieldset><legend>Severity</legend>");
            for (Severity s : descending()) {
                sb.append("<label><input type=\"checkbox\" name=\"sev\" value=\"").append(s.label()).append("\" checked=\"\"/> ")
                        .append(s.label()).append(" (").append(bySev.get(s)).append(")</label>");
            }
            sb.append("</fieldset>\n<fieldset><legend>Status</legend>");
            Set<String> statuses = new LinkedHashSet<>(List.of("new", "baselined", "suppressed"));
            for (Finding f : findings) {
                statuses.add(f.triage().status());
            }
            for (String s : statuses) {
                sb.append("<label><input type=\"checkbox\" name=\"status\" value=\"").append(esc(s)).append("\" checked=\"\"/> ")
                        .append(esc(s)).append(" (").append(r.count(s)).append(")</label>");
            }
            sb.append("</fieldset>\n<div><label class=\"lbl\" for=\"f-family\">Family</label><select id=\"f-family\">")
                    .append("<option value=\"\">All families</option>");
            Map<String, Integer> fams = new TreeMap<>();
            for (Finding f : findings) {
                fams.merge(nn(f.family()), 1, Integer::sum);
            }
            fams.forEach((k, n) -> sb.append("<option value=\"").append(esc(k)).append("\">").append(esc(k)).append(" (").append(n)
                    .append(")</option>"));
            sb.append("</select></div>\n<div><label class=\"lbl\" for=\"f-company\">Company</label><select id=\"f-company\">")
                    .append("<option value=\"\">All companies</option>");
            Map<String, String> cos = new TreeMap<>();
            Map<String, Integer> coCount = new TreeMap<>();
            for (Finding f : findings) {
                cos.putIfAbsent(nn(f.subject()), subjectName(f));
                coCount.merge(nn(f.subject()), 1, Integer::sum);
            }
            List<String> coIds = new ArrayList<>(cos.keySet());
            coIds.sort(Comparator.comparing((String id) -> cos.get(id).toLowerCase(Locale.ROOT)).thenComparing(id -> id));
            for (String id : coIds) {
                sb.append("<option value=\"").append(esc(id)).append("\">").append(esc(cos.get(id))).append(" (")
                        .append(coCount.get(id)).append(")</option>");
            }
            sb.append("</select></div>\n<div><label class=\"lbl\" for=\"f-text\">Text</label>")
                    .append("<input type=\"search\" id=\"f-text\" placeholder=\"words in any field\"/></div>\n")
                    .append("<div><button type=\"button\" id=\"f-reset\">Show all</button> ")
                    .append("<button type=\"button\" id=\"f-expand\">Expand all</button> ")
                    .append("<button type=\"button\" id=\"f-collapse\">Collapse all</button></div>\n</div>\n");
            sb.append("<p id=\"shown\" aria-live=\"polite\">").append(plural(findings.size(), "finding")).append("</p>\n");

            sb.append("<table id=\"findings-table\" class=\"findings\">\n<caption class=\"vh\">Findings; each row expands to its ")
                    .append("explanation, standards and evidence</caption>\n<thead><tr><th scope=\"col\"><span class=\"vh\">Details</span></th>")
                    .append("<th scope=\"col\" data-key=\"rank\">Severity</th><th scope=\"col\" data-key=\"rule\">Rule</th>")
                    .append("<th scope=\"col\" data-key=\"family\">Family</th><th scope=\"col\" data-key=\"name\">Company</th>")
                    .append("<th scope=\"col\" data-key=\"title\">Title</th><th scope=\"col\" data-key=\"amount\" class=\"n\">Amount</th>")
                    .append("<th scope=\"col\" data-key=\"status\">Status</th></tr></thead>\n");
            int i = 0;
            for (Finding f : findings) {
                row(f, ++i);
            }
            sb.append("</table>\n<p id=\"nomatch\" class=\"muted\" hidden=\"\">No finding matches the filters.</p>\n</section>\n");
        }

        private void row(Finding f, int i) {
            String sev = f.severity().label();
            String status = nn(f.triage().status());
            sb.append("<tbody class=\"f").append(f.triage().isNew() ? "" : " quiet").append("\" id=\"f").append(i)
                    .append("\" data-idx=\"").append(i)
                    .append("\" data-sev=\"").append(sev)
                    .append("\" data-rank=\"").append(f.severity().ordinal())
                    .append("\" data-rule=\"").append(esc(f.ruleId()))
                    .append("\" data-family=\"").append(esc(f.family()))
                    .append("\" data-subject=\"").append(esc(f.subject()))
                    .append("\" data-name=\"").append(esc(subjectName(f)))
                    .append("\" data-title=\"").append(esc(f.title()))
                    .append("\" data-amount=\"").append(f.amount() == null ? "" : f.amount().amount().toPlainString())
                    .append("\" data-ccy=\"").append(f.amount() == null ? "" : esc(f.amount().currency()))
                    .append("\" data-status=\"").append(esc(status))
                    .append("\" data-fingerprint=\"").append(esc(f.fingerprint())).append("\">\n");
            sb.append("<tr class=\"main\"><td class=\"tg\"><button type=\"button\" class=\"toggle\" aria-expanded=\"true\" aria-controls=\"d")
                    .append(i).append("\" hidden=\"\"><span class=\"vh\">Details of finding ").append(i).append("</span></button></td>")
                    .append("<td><span class=\"sev sev-").append(sev).append("\">").append(sev).append("</span></td>")
                    .append("<td class=\"mono\">").append(esc(f.ruleId())).append("</td>")
                    .append("<td>").append(esc(f.family())).append("</td>")
                    .append("<td>").append(esc(subjectName(f))).append("<span class=\"subid\">").append(esc(f.subject())).append("</span></td>")
                    .append("<td>").append(esc(f.title())).append("</td>")
                    .append("<td class=\"amt\">").append(f.amount() == null ? "&#8212;" : esc(f.amount().display())).append("</td>")
                    .append("<td><span class=\"st st-").append(esc(status)).append("\"");
            if (f.triage().reason() != null) {
                sb.append(" title=\"").append(esc(f.triage().reason())).append('"');
            }
            sb.append('>').append(esc(status)).append("</span></td></tr>\n");

            sb.append("<tr class=\"detail\" id=\"d").append(i).append("\"><td colspan=\"8\">\n");
            if (!f.triage().isNew() || f.triage().reason() != null) {
                sb.append("<p class=\"triage\"><strong>").append(esc(capitalise(status))).append("</strong>");
                if (f.triage().reason() != null) {
                    sb.append(": ").append(esc(f.triage().reason()));
                }
                sb.append("</p>\n");
            }
            if (f.triage().ruleSeverity() != null && f.triage().ruleSeverity() != f.severity()) {
                sb.append("<p class=\"triage\">Severity set to <strong>").append(sev).append("</strong> by configuration; the rule says ")
                        .append(f.triage().ruleSeverity().label()).append(".</p>\n");
            }
            sb.append("<dl class=\"why\">\n");
            dd("Explanation", f.explanation());
            dd("Why it matters", f.why());
            dd("Procedure", f.procedure());
            sb.append("<dt>Amount at stake</dt><dd>").append(f.amount() == null ? "none stated" : esc(f.amount().display())).append("</dd>\n");
            sb.append("<dt>Standards</dt><dd><ul class=\"std\">");
            for (String s : nz(f.standards())) {
                sb.append("<li>").append(esc(s)).append("</li>");
            }
            sb.append("</ul></dd>\n<dt>Entities</dt><dd>");
            List<String> ents = new ArrayList<>();
            for (String e : entitiesOf(f)) {
                ents.add(esc(nameOf(e, f)) + " <span class=\"muted\">(" + esc(e) + ")</span>");
            }
            sb.append(String.join(", ", ents)).append("</dd>\n<dt>Evidence</dt><dd>");
            sb.append("<table class=\"ev\"><thead><tr><th scope=\"col\">Where</th><th scope=\"col\">Type</th><th scope=\"col\">Fact</th></tr></thead><tbody>");
            for (Evidence e : nz(f.evidence())) {
                sb.append("<tr><td><code>").append(esc(e.file())).append(':').append(e.line()).append("</code></td><td>").append(esc(e.type()))
                        .append("</td><td>").append(esc(e.fact())).append("</td></tr>");
            }
            sb.append("</tbody></table></dd>\n");
            sb.append("<dt>Fingerprint</dt><dd><code>").append(esc(f.fingerprint())).append("</code></dd>\n");
            sb.append("<dt>Rule</dt><dd>").append(esc(f.rule())).append(" <span class=\"muted\">(<code>").append(esc(f.ruleFile()))
                    .append("</code>)</span></dd>\n");
            sb.append("</dl>\n</td></tr>\n</tbody>\n");
        }

        private void dd(String term, String value) {
            if (value != null && !value.isBlank()) {
                sb.append("<dt>").append(term).append("</dt><dd>").append(esc(value)).append("</dd>\n");
            }
        }

        // ------------------------------------------------------------------------------ inputs

        private void inputs() {
            sb.append("<section id=\"inputs\" aria-labelledby=\"inputs-h\">\n<h2 id=\"inputs-h\">Inputs and rules</h2>\n<dl class=\"facts\">\n");
            sb.append("<dt>Tool</dt><dd>offbook ").append(esc(r.toolVersion())).append("</dd>\n");
            if (r.generatedAt() != null) {
                sb.append("<dt>Generated</dt><dd>").append(esc(r.generatedAt())).append("</dd>\n");
            }
            sb.append("<dt>Inputs</dt><dd><ul class=\"plain\">");
            for (String in : nz(r.inputs())) {
                sb.append("<li><code>").append(esc(in)).append("</code></li>");
            }
            sb.append("</ul></dd>\n");
            sb.append("<dt>Files</dt><dd id=\"stat-files\">").append(nz(r.files()).size()).append(" read");
            if (!nz(r.skipped()).isEmpty()) {
                sb.append(", ").append(nz(r.skipped()).size()).append(" other files skipped");
            }
            sb.append("</dd>\n<dt>Facts</dt><dd id=\"stat-facts\">").append(r.factsRead()).append(" read, ").append(r.factsLoaded())
                    .append(" loaded, ").append(r.factsRejected()).append(" rejected</dd>\n");
            sb.append("<dt>Rules</dt><dd id=\"stat-rules\">").append(plural(nz(r.rules()).size(), "rule")).append(" from ")
                    .append(plural(nz(r.ruleFiles()).size(), "rule file")).append("</dd>\n");
            sb.append("<dt>Fail on</dt><dd>").append(r.failOn() == null ? "never" : esc(r.failOn().label())).append("</dd>\n</dl>\n");

            sb.append("<div class=\"grid\">\n<table id=\"files-table\">\n<caption>Files</caption>\n<thead><tr><th scope=\"col\">File</th>")
                    .append("<th scope=\"col\">Format</th><th scope=\"col\" class=\"n\">Read</th><th scope=\"col\" class=\"n\">Loaded</th>")
                    .append("<th scope=\"col\" class=\"n\">Rejected</th></tr></thead>\n<tbody>\n");
            for (FileStats s : nz(r.files())) {
                sb.append("<tr><td><code>").append(esc(s.file())).append("</code></td><td>").append(esc(s.format())).append("</td>");
                numCells(s.read(), s.loaded(), s.rejected());
                sb.append("</tr>\n");
            }
            for (String s : nz(r.skipped())) {
                sb.append("<tr><td><code>").append(esc(s)).append("</code></td><td colspan=\"4\" class=\"muted\">skipped</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
            sb.append("<table id=\"rules-table\" class=\"wide\">\n<caption>Rules</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Family</th>")
                    .append("<th scope=\"col\">Severity</th><th scope=\"col\">Title</th></tr></thead>\n<tbody>\n");
            for (RuleInfo ri : nz(r.rules())) {
                sb.append("<tr><td class=\"mono\">").append(esc(ri.id())).append("</td><td>").append(esc(ri.family())).append("</td><td>")
                        .append(esc(ri.severity())).append("</td><td>").append(esc(ri.title())).append(" <span class=\"subid\"><code>")
                        .append(esc(ri.file())).append("</code></span></td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n</div>\n</section>\n");
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

    // -------------------------------------------------------------------------------- the drawing

    /**
     * The links between the entities involved in findings, laid out in up to three columns: the
     * companies findings are about, entities that are both about and involved, and the entities
     * they involve. Edges run from a finding's subject to each other entity it names; findings on
     * the same pair share an edge, labelled with each finding's rule and amount. Order within a
     * column: by name, then a few barycentre passes to uncross edges; each column is spread over the
     * full height; a link that crosses a column passes through a gap, not behind a box; labels sit
     * by the less crowded end of their link and never overlap. Every step is deterministic.
     */
    static final class Graph {
        static final int NODE_W = 210;
        static final int NODE_H = 50;
        static final int PITCH = 64;
        static final int GAP = 250;
        static final int MARGIN = 24;
        static final int HEAD = 44;
        static final int LINE_H = 13;
        static final int MAX_LINES = 4;
        static final int MAX_NAME = 28;
        static final int MAX_LABEL = 36;
        /** Width of a character of an edge label, generously: labels are kept apart by estimated width. */
        static final double CHAR_W = 6.6;

        final Map<String, Node> nodes = new TreeMap<>();
        final Map<String, Edge> edges = new TreeMap<>();
        final List<List<Node>> columns = new ArrayList<>();
        final List<String> columnTitles = new ArrayList<>();
        double width;
        double height;
        final Map<String, Integer> sideCount = new TreeMap<>();

        static final class Node {
            final String id;
            String name;
            String subjectName;
            boolean subject;
            boolean target;
            int asSubject;
            int involved;
            Severity max;
            int col;
            double frac;
            double cx;
            double cy;

            Node(String id) {
                this.id = id;
            }
        }

        static final class Edge {
            final Node from;
            final Node to;
            final List<Finding> findings = new ArrayList<>();
            double x1;
            double y1;
            double x2;
            double y2;
            double bulge;
            /** The points the link runs through: its ends, and the gaps of the columns it crosses. */
            final List<double[]> pts = new ArrayList<>();
            /** Cubic segments {x0, y0, c1x, c1y, c2x, c2y, x3, y3}; across columns x only grows (or only shrinks) along a link. */
            final List<double[]> segs = new ArrayList<>();
            int lane;
            int labelLane;
            double ax;
            double ay;
            double labelTop;
            double wantTop;
            double lw;
            double lh;
            double tx;
            boolean start;
            String fromSide;
            String toSide;

            double left() {
                return start ? tx : tx - lw;
            }

            /** The segments from the points: S-curves with level tangents, or one bulge for a link within a column. */
            void build() {
                segs.clear();
                if (from.col == to.col) {
                    segs.add(new double[] {x1, y1, x1 + bulge, y1, x2 + bulge, y2, x2, y2});
                    return;
                }
                for (int i = 0; i + 1 < pts.size(); i++) {
                    double[] a = pts.get(i);
                    double[] b = pts.get(i + 1);
                    double mx = (a[0] + b[0]) / 2;
                    segs.add(new double[] {a[0], a[1], mx, a[1], mx, b[1], b[0], b[1]});
                }
            }

            double px(double t) {
                return at(t, 0);
            }

            double py(double t) {
                return at(t, 1);
            }

            private double at(double t, int xy) {
                int k = segs.size();
                int i = Math.min(k - 1, (int) Math.floor(t * k));
                double u = t * k - i;
                double[] g = segs.get(i);
                return bez(g[xy], g[2 + xy], g[4 + xy], g[6 + xy], u);
            }

            String d() {
                StringBuilder sb = new StringBuilder("M").append(num(x1)).append(',').append(num(y1));
                for (double[] g : segs) {
                    sb.append(" C").append(num(g[2])).append(',').append(num(g[3])).append(' ').append(num(g[4])).append(',')
                            .append(num(g[5])).append(' ').append(num(g[6])).append(',').append(num(g[7]));
                }
                return sb.toString();
            }

            double right() {
                return start ? tx + lw : tx;
            }
            List<String[]> lines;

            Edge(Node from, Node to) {
                this.from = from;
                this.to = to;
            }

            boolean hi() {
                for (Finding f : findings) {
                    if (f.severity().compareTo(Severity.HIGH) >= 0) {
                        return true;
                    }
                }
                return false;
            }

            String key() {
                return from.id + "\u0000" + to.id;
            }
        }

        Graph(List<Finding> findings, Map<String, String> names) {
            for (Finding f : findings) {
                Node s = node(nn(f.subject()));
                s.subject = true;
                s.asSubject++;
                if (s.subjectName == null && f.subjectName() != null && !f.subjectName().isBlank()) {
                    s.subjectName = f.subjectName();
                }
                if (s.max == null || f.severity().compareTo(s.max) > 0) {
                    s.max = f.severity();
                }
                for (String e : entitiesOf(f)) {
                    Node n = node(e);
                    n.involved++;
                    if (!e.equals(s.id)) {
                        n.target = true;
                        edges.computeIfAbsent(s.id + "\u0000" + e, k -> new Edge(s, n)).findings.add(f);
                    }
                }
            }
            for (Node n : nodes.values()) {
                String name = names.get(n.id);
                n.name = name != null && !name.isBlank() ? name : n.subjectName != null ? n.subjectName : n.id;
            }
            layout();
        }

        private Node node(String id) {
            return nodes.computeIfAbsent(id, Node::new);
        }

        int nodeCount() {
            return nodes.size();
        }

        private static final Comparator<Node> BY_NAME =
                Comparator.comparing((Node n) -> n.name.toLowerCase(Locale.ROOT)).thenComparing(n -> n.name).thenComparing(n -> n.id);

        private void layout() {
            List<Node> left = new ArrayList<>();
            List<Node> both = new ArrayList<>();
            List<Node> right = new ArrayList<>();
            for (Node n : nodes.values()) {
                (n.subject && n.target ? both : n.subject ? left : right).add(n);
            }
            addColumn(left, "Companies findings are about");
            addColumn(both, "About, and involved in others");
            addColumn(right, "Entities they involve");
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c).sort(BY_NAME);
                for (Node n : columns.get(c)) {
                    n.col = c;
                }
                fractions(columns.get(c));
            }
            // barycentre sweeps: order each column by the mean position of its neighbours elsewhere
            Map<String, List<Node>> adj = new TreeMap<>();
            for (Edge e : edges.values()) {
                adj.computeIfAbsent(e.from.id, k -> new ArrayList<>()).add(e.to);
                adj.computeIfAbsent(e.to.id, k -> new ArrayList<>()).add(e.from);
            }
            for (int pass = 0; pass < 4; pass++) {
                List<Integer> order = new ArrayList<>();
                for (int c = 0; c < columns.size(); c++) {
                    order.add(pass % 2 == 0 ? c : columns.size() - 1 - c);
                }
                for (int c : order) {
                    List<Node> col = columns.get(c);
                    Map<String, Double> bary = new TreeMap<>();
                    for (Node n : col) {
                        double sum = 0;
                        int k = 0;
                        for (Node m : adj.getOrDefault(n.id, List.of())) {
                            if (m.col != n.col) {
                                sum += m.frac;
                                k++;
                            }
                        }
                        bary.put(n.id, k == 0 ? n.frac : sum / k);
                    }
                    col.sort(Comparator.comparing((Node n) -> bary.get(n.id)).thenComparing(BY_NAME));
                    fractions(col);
                }
            }

            // geometry: lanes are the gaps between columns (lane c is left of column c; lane k right of the last);
            // the outer two are margins, wide only when a link bulges into them
            int k = columns.size();
            boolean[] laneUsed = new boolean[k + 1];
            for (Edge e : edges.values()) {
                e.lane = lane(e);
                laneUsed[e.lane] = true;
            }
            double[] laneW = new double[k + 1];
            for (int l = 0; l <= k; l++) {
                laneW[l] = l == 0 || l == k ? (laneUsed[l] ? GAP : MARGIN) : GAP;
            }
            double x = 0;
            double[] colLeft = new double[k];
            for (int c = 0; c < k; c++) {
                x += laneW[c];
                colLeft[c] = x;
                x += NODE_W;
            }
            width = x + laneW[k];
            int tallest = 0;
            for (List<Node> col : columns) {
                tallest = Math.max(tallest, col.size());
            }
            place(colLeft, tallest, PITCH);
            // many labels between few rows: give the rows more room, so the labels can sit by their links
            Map<Integer, Double> demand = new TreeMap<>();
            for (Edge e : edges.values()) {
                demand.merge(e.labelLane, e.lh + 6, Double::sum);
            }
            double most = demand.values().stream().max(Double::compare).orElse(0.0);
            if (most > 0.5 * tallest * PITCH) {
                place(colLeft, tallest, Math.min(3.0 * PITCH, Math.ceil(most / (0.5 * tallest))));
            }
        }

        private void place(double[] colLeft, int tallest, double pitch) {
            // each column spread over the full height: links leaving a short column fan out more gently
            for (int c = 0; c < columns.size(); c++) {
                List<Node> col = columns.get(c);
                double slot = tallest * pitch / col.size();
                for (int i = 0; i < col.size(); i++) {
                    Node n = col.get(i);
                    n.cx = colLeft[c] + NODE_W / 2.0;
                    n.cy = HEAD + (i + 0.5) * slot;
                }
            }
            height = HEAD + tallest * pitch;
            sideCount.clear();
            ports();
            labels();
        }

        private void addColumn(List<Node> col, String title) {
            if (!col.isEmpty()) {
                columns.add(col);
                columnTitles.add(title);
            }
        }

        private static void fractions(List<Node> col) {
            for (int i = 0; i < col.size(); i++) {
                col.get(i).frac = (i + 0.5) / col.size();
            }
        }

        /** The lane a link leaves its source into (a link within a column bulges into it). */
        private int lane(Edge e) {
            if (e.to.col > e.from.col) {
                return e.from.col + 1;
            }
            if (e.to.col < e.from.col) {
                return e.from.col;
            }
            return downward(e) ? e.from.col + 1 : e.from.col;
        }

        private boolean downward(Edge e) {
            return columns.get(e.from.col).indexOf(e.from) < columns.get(e.to.col).indexOf(e.to);
        }

        /** Where each edge leaves and enters its boxes: spread along the side, ordered by the far end. */
        private void ports() {
            Map<String, List<Object[]>> sides = new TreeMap<>();
            for (Edge e : edges.values()) {
                boolean same = e.from.col == e.to.col;
                boolean fromRight = same ? downward(e) : e.to.col > e.from.col;
                boolean toRight = same ? fromRight : !fromRight;
                e.fromSide = e.from.id + "\u0000" + (fromRight ? "R" : "L");
                e.toSide = e.to.id + "\u0000" + (toRight ? "R" : "L");
                sides.computeIfAbsent(e.fromSide, k -> new ArrayList<>()).add(new Object[] {e, Boolean.TRUE, e.to.cy});
                sides.computeIfAbsent(e.toSide, k -> new ArrayList<>()).add(new Object[] {e, Boolean.FALSE, e.from.cy});
                e.x1 = e.from.cx + (fromRight ? NODE_W / 2.0 : -NODE_W / 2.0);
                e.x2 = e.to.cx + (toRight ? NODE_W / 2.0 : -NODE_W / 2.0);
                if (same) {
                    double rows = Math.abs(e.to.cy - e.from.cy) / PITCH;
                    e.bulge = (fromRight ? 1 : -1) * Math.min(GAP * 0.4, 40 + 18 * rows);
                }
            }
            sides.forEach((k, v) -> sideCount.put(k, v.size()));
            for (List<Object[]> list : sides.values()) {
                list.sort(Comparator.comparing((Object[] o) -> (Double) o[2]).thenComparing(o -> ((Edge) o[0]).key()));
                int n = list.size();
                double step = n <= 1 ? 0 : Math.min(8, (NODE_H - 12) / (double) (n - 1));
                for (int i = 0; i < n; i++) {
                    Edge e = (Edge) list.get(i)[0];
                    double off = (i - (n - 1) / 2.0) * step;
                    if ((Boolean) list.get(i)[1]) {
                        e.y1 = e.from.cy + off;
                    } else {
                        e.y2 = e.to.cy + off;
                    }
                }
            }
            route();
        }

        /**
         * Links that cross a column pass it through the free gap nearest their straight line, level
         * across the column's width, instead of behind a box (which would read as a link to it).
         */
        private void route() {
            Map<Integer, List<Object[]>> through = new TreeMap<>();
            for (Edge e : edges.values()) {
                int step = e.to.col > e.from.col ? 1 : -1;
                for (int c = e.from.col + step; c != e.to.col && e.from.col != e.to.col; c += step) {
                    double x = columns.get(c).get(0).cx;
                    double want = e.y1 + (e.y2 - e.y1) * (x - e.x1) / (e.x2 - e.x1);
                    through.computeIfAbsent(c, k -> new ArrayList<>()).add(new Object[] {e, want});
                }
            }
            Map<String, Map<Integer, Double>> ways = new TreeMap<>();
            through.forEach((c, list) -> {
                List<Node> col = new ArrayList<>(columns.get(c));
                col.sort(Comparator.comparing((Node n) -> n.cy));
                List<double[]> gaps = new ArrayList<>();
                double lo = HEAD - 8;
                for (Node n : col) {
                    gaps.add(new double[] {lo, n.cy - NODE_H / 2.0 - 5});
                    lo = n.cy + NODE_H / 2.0 + 5;
                }
                gaps.add(new double[] {lo, height - 4});
                Map<Integer, List<Object[]>> byGap = new TreeMap<>();
                for (Object[] o : list) {
                    double want = (Double) o[1];
                    int best = -1;
                    double bestY = 0;
                    for (int g = 0; g < gaps.size(); g++) {
                        double[] gap = gaps.get(g);
                        if (gap[1] - gap[0] < 8) {
                            continue;
                        }
                        double y = Math.max(gap[0] + 4, Math.min(gap[1] - 4, want));
                        if (best < 0 || Math.abs(y - want) < Math.abs(bestY - want)) {
                            best = g;
                            bestY = y;
                        }
                    }
                    byGap.computeIfAbsent(best, k -> new ArrayList<>()).add(new Object[] {o[0], bestY});
                }
                for (List<Object[]> inGap : byGap.values()) {
                    inGap.sort(Comparator.comparing((Object[] o) -> (Double) o[1]).thenComparing(o -> ((Edge) o[0]).key()));
                    double prev = Double.NEGATIVE_INFINITY;
                    for (Object[] o : inGap) {
                        double y = Math.max((Double) o[1], prev + 6);
                        prev = y;
                        ways.computeIfAbsent(((Edge) o[0]).key(), k -> new TreeMap<>()).put(c, y);
                    }
                }
            });
            for (Edge e : edges.values()) {
                e.pts.clear();
                e.pts.add(new double[] {e.x1, e.y1});
                Map<Integer, Double> w = ways.getOrDefault(e.key(), Map.of());
                int step = e.to.col > e.from.col ? 1 : -1;
                for (int c = e.from.col + step; c != e.to.col && e.from.col != e.to.col; c += step) {
                    double cx = columns.get(c).get(0).cx;
                    double y = w.get(c);
                    e.pts.add(new double[] {cx - step * NODE_W / 2.0, y});
                    e.pts.add(new double[] {cx + step * NODE_W / 2.0, y});
                }
                e.pts.add(new double[] {e.x2, e.y2});
                e.build();
            }
        }

        static double bez(double p0, double p1, double p2, double p3, double t) {
            double u = 1 - t;
            return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
        }

        /**
         * Places each edge's label just above the edge, at whichever end is less crowded (a node with
         * many links fans them out, so labels spread best at the other end); labels never overlap:
         * one that would is pushed down and joined to its edge by a dotted leader.
         */
        private void labels() {
            for (Edge e : edges.values()) {
                List<Finding> fs = new ArrayList<>(e.findings);
                fs.sort(Comparator.comparing((Finding f) -> -f.severity().ordinal()));
                List<String[]> lines = new ArrayList<>();
                for (int i = 0; i < fs.size(); i++) {
                    if (i == MAX_LINES - 1 && fs.size() > MAX_LINES) {
                        lines.add(new String[] {"+" + (fs.size() - i) + " more", "lo"});
                        break;
                    }
                    Finding f = fs.get(i);
                    String text = nn(f.ruleId()) + (f.amount() == null ? "" : " " + f.amount().display());
                    lines.add(new String[] {truncate(text, MAX_LABEL), f.severity().compareTo(Severity.HIGH) >= 0 ? "hi" : "lo"});
                }
                e.lines = lines;
                int widest = 0;
                for (String[] l : lines) {
                    widest = Math.max(widest, l[0].codePointCount(0, l[0].length()));
                }
                e.lw = widest * CHAR_W + 6;
                e.lh = lines.size() * LINE_H;
                if (e.from.col == e.to.col) {
                    // beside the bulge of a link within a column
                    e.ax = e.px(0.5);
                    e.ay = e.py(0.5);
                    e.start = e.bulge > 0;
                    e.labelLane = e.lane;
                    e.tx = e.ax + (e.start ? 6 : -6);
                    e.wantTop = e.ay - e.lh / 2;
                } else {
                    boolean rightward = e.x2 > e.x1;
                    boolean nearTarget = sideCount.get(e.toSide) <= sideCount.get(e.fromSide);
                    double box = nearTarget ? e.x2 : e.x1;
                    Node end = nearTarget ? e.to : e.from;
                    e.labelLane = (nearTarget == rightward) ? end.col : end.col + 1;
                    // text aligned on the side next to the box, 14px clear of it (and of the arrowhead)
                    e.start = nearTarget != rightward;
                    e.tx = box + (e.start ? 14 : -14);
                    double cx = e.tx + (e.start ? e.lw / 2 : -e.lw / 2);
                    double lo = 0;
                    double hi = 1;
                    for (int i = 0; i < 40; i++) {
                        double mid = (lo + hi) / 2;
                        if ((e.px(mid) < cx) == rightward) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    double t = (lo + hi) / 2;
                    e.ax = e.px(t);
                    e.ay = e.py(t);
                    // on the open side of the curve (above where it rises into the labelled end, below where
                    // it falls into it), clear of it wherever it runs beside the label
                    double minY = e.ay;
                    double maxY = e.ay;
                    int samples = 64 * e.segs.size();
                    for (int i = 0; i <= samples; i++) {
                        double x = e.px(i / (double) samples);
                        if (x >= e.left() - 2 && x <= e.right() + 2) {
                            double y = e.py(i / (double) samples);
                            minY = Math.min(minY, y);
                            maxY = Math.max(maxY, y);
                        }
                    }
                    // the direction of the part of the link next to the labelled end
                    double[] first = e.pts.get(0);
                    double[] second = e.pts.get(1);
                    double[] last = e.pts.get(e.pts.size() - 1);
                    double[] before = e.pts.get(e.pts.size() - 2);
                    double dy = nearTarget ? last[1] - before[1] : second[1] - first[1];
                    boolean rising = dy < -12;
                    boolean falling = dy > 12;
                    boolean above = nearTarget ? !falling : !rising;
                    e.wantTop = above ? minY - e.lh - 3 : maxY + 3;
                }
            }
            // room at the top for labels that want to sit above the first row: move everything down
            double shift = 0;
            for (Edge e : edges.values()) {
                shift = Math.max(shift, HEAD - 14 - e.wantTop);
            }
            if (shift > 0) {
                for (Node n : nodes.values()) {
                    n.cy += shift;
                }
                for (Edge e : edges.values()) {
                    e.y1 += shift;
                    e.y2 += shift;
                    for (double[] pt : e.pts) {
                        pt[1] += shift;
                    }
                    e.build();
                    e.ay += shift;
                    e.wantTop += shift;
                }
                height += shift;
            }
            List<Edge> order = new ArrayList<>(edges.values());
            order.sort(Comparator.comparing((Edge e) -> e.wantTop).thenComparing(Edge::key));
            List<Edge> placed = new ArrayList<>();
            for (Edge e : order) {
                e.labelTop = e.wantTop;
                boolean moved = true;
                while (moved) {
                    moved = false;
                    for (Edge o : placed) {
                        boolean xs = e.left() < o.right() + 4 && o.left() < e.right() + 4;
                        boolean ys = e.labelTop < o.labelTop + o.lh + 3 && o.labelTop < e.labelTop + e.lh + 3;
                        if (xs && ys) {
                            e.labelTop = o.labelTop + o.lh + 3;
                            moved = true;
                        }
                    }
                }
                placed.add(e);
                height = Math.max(height, e.labelTop + e.lh + 12);
            }
        }

        void svg(StringBuilder sb) {
            String w = num(width);
            String h = num(height);
            sb.append("<svg class=\"graph\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" width=\"").append(w)
                    .append("\" height=\"").append(h).append("\" role=\"img\" aria-labelledby=\"graph-title graph-desc\">\n");
            sb.append("<title id=\"graph-title\">Money and ownership links between the entities involved in findings</title>\n");
            sb.append("<desc id=\"graph-desc\">").append(nodes.size()).append(" entities and ").append(edges.size())
                    .append(" links; each link runs from the company a finding is about to another entity the finding involves.")
                    .append(" The same links are listed in the table below the drawing.</desc>\n");
            sb.append("<defs>")
                    .append("<marker id=\"ob-arrow-hi\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"11\" markerHeight=\"11\"")
                    .append(" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c62828\"/></marker>")
                    .append("<marker id=\"ob-arrow-lo\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\"")
                    .append(" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#8c959f\"/></marker>")
                    .append("</defs>\n");
            for (int c = 0; c < columns.size(); c++) {
                Node first = columns.get(c).get(0);
                sb.append("<text class=\"colhead\" x=\"").append(num(first.cx)).append("\" y=\"22\">").append(esc(columnTitles.get(c)))
                        .append("</text>\n");
            }
            // grey edges first, so red ones are drawn on top
            for (boolean hi : new boolean[] {false, true}) {
                for (Edge e : edges.values()) {
                    if (e.hi() != hi) {
                        continue;
                    }
                    sb.append("<g class=\"edge ").append(hi ? "hi" : "lo").append("\" data-from=\"").append(esc(e.from.id))
                            .append("\" data-to=\"").append(esc(e.to.id)).append("\"><title>").append(esc(e.from.name)).append(" \u2192 ")
                            .append(esc(e.to.name)).append(": ");
                    List<String> parts = new ArrayList<>();
                    for (Finding f : e.findings) {
                        parts.add(nn(f.ruleId()) + " (" + f.severity().label() + (f.amount() == null ? "" : ", " + f.amount().display())
                                + ") " + nn(f.title()));
                    }
                    sb.append(esc(String.join("; ", parts))).append("</title><path d=\"").append(e.d()).append("\" marker-end=\"url(#ob-arrow-")
                            .append(hi ? "hi" : "lo").append(")\"/></g>\n");
                }
            }
            for (List<Node> col : columns) {
                for (Node n : col) {
                    sb.append("<g class=\"node").append(n.max == null ? "" : " sev-" + n.max.label()).append("\" data-entity=\"")
                            .append(esc(n.id)).append("\"><title>").append(esc(n.name)).append(" (").append(esc(n.id)).append("): ");
                    if (n.subject) {
                        sb.append("subject of ").append(plural(n.asSubject, "finding")).append(", most severe ").append(n.max.label());
                        if (n.target) {
                            sb.append("; ");
                        }
                    }
                    if (n.involved > (n.subject ? n.asSubject : 0)) {
                        sb.append("involved in ").append(plural(n.involved - (n.subject ? n.asSubject : 0), "other finding"));
                    }
                    sb.append("</title><rect x=\"").append(num(n.cx - NODE_W / 2.0)).append("\" y=\"").append(num(n.cy - NODE_H / 2.0))
                            .append("\" width=\"").append(NODE_W).append("\" height=\"").append(NODE_H).append("\" rx=\"6\"/>")
                            .append("<text class=\"nname\" x=\"").append(num(n.cx)).append("\" y=\"");
                    List<String> nameLines = wrap(n.name, MAX_NAME);
                    if (nameLines.size() == 1) {
                        sb.append(num(n.cy - 2)).append("\">").append(esc(nameLines.get(0)));
                    } else {
                        sb.append(num(n.cy - 9)).append("\"><tspan x=\"").append(num(n.cx)).append("\">").append(esc(nameLines.get(0)))
                                .append("</tspan><tspan x=\"").append(num(n.cx)).append("\" dy=\"13\">").append(esc(nameLines.get(1)))
                                .append("</tspan>");
                    }
                    sb.append("</text><text class=\"nmeta\" x=\"").append(num(n.cx)).append("\" y=\"")
                            .append(num(n.cy + (nameLines.size() == 1 ? 13 : 18))).append("\">").append(esc(truncate(n.id, 18)));
                    if (n.subject) {
                        sb.append(" &#183; ").append(plural(n.asSubject, "finding")).append(" &#183; ").append(n.max.label());
                    } else {
                        sb.append(" &#183; in ").append(plural(n.involved, "finding"));
                    }
                    sb.append("</text></g>\n");
                }
            }
            for (Edge e : edges.values()) {
                boolean onIt = e.ax >= e.left() - 2 && e.ax <= e.right() + 2 && e.ay >= e.labelTop - 2 && e.ay <= e.labelTop + e.lh + 4;
                if (e.labelTop - e.wantTop > 3 && !onIt) {
                    // the label had to move away from its link: a dotted leader joins them
                    double ex = Math.max(e.left(), Math.min(e.right(), e.ax));
                    double ey = Math.max(e.labelTop, Math.min(e.labelTop + e.lh, e.ay));
                    sb.append("<path class=\"leader\" d=\"M").append(num(e.ax)).append(',').append(num(e.ay)).append(" L").append(num(ex))
                            .append(',').append(num(ey)).append("\"/>\n");
                }
                sb.append("<text class=\"elabel ").append(e.start ? "s" : "e").append("\" x=\"").append(num(e.tx)).append("\" y=\"")
                        .append(num(e.labelTop + LINE_H - 3)).append("\">");
                for (int i = 0; i < e.lines.size(); i++) {
                    String[] l = e.lines.get(i);
                    sb.append("<tspan x=\"").append(num(e.tx)).append('"');
                    if (i > 0) {
                        sb.append(" dy=\"").append(LINE_H).append('"');
                    }
                    sb.append(" class=\"").append(l[1]).append("\">").append(esc(l[0])).append("</tspan>");
                }
                sb.append("</text>\n");
            }
            sb.append("</svg>\n");
        }

        /** The drawing as a table, for screen readers and for checking a link's findings at a glance. */
        void linkTable(StringBuilder sb) {
            sb.append("<details id=\"links-list\"><summary>The links as a table (").append(edges.size()).append(")</summary>\n")
                    .append("<table id=\"links-table\">\n<thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th>")
                    .append("<th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n");
            List<Edge> list = new ArrayList<>(edges.values());
            list.sort(Comparator.comparing((Edge e) -> e.from.name.toLowerCase(Locale.ROOT)).thenComparing(e -> e.to.name.toLowerCase(Locale.ROOT))
                    .thenComparing(Edge::key));
            for (Edge e : list) {
                sb.append("<tr><td>").append(esc(e.from.name)).append("</td><td>").append(esc(e.to.name)).append("</td><td>");
                List<String> parts = new ArrayList<>();
                for (Finding f : e.findings) {
                    parts.add("<span class=\"sev sev-" + f.severity().label() + "\">" + f.severity().label() + "</span> " + esc(f.ruleId())
                            + (f.amount() == null ? "" : " " + esc(f.amount().display())) + " " + esc(f.title()));
                }
                sb.append(String.join("<br/>", parts)).append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n</details>\n");
        }
    }

    // -------------------------------------------------------------------------------- helpers

    /** A finding's entities, subject first, each once. */
    static List<String> entitiesOf(Finding f) {
        Set<String> out = new LinkedHashSet<>();
        out.add(nn(f.subject()));
        for (String e : nz(f.entities())) {
            if (e != null) {
                out.add(e);
            }
        }
        return new ArrayList<>(out);
    }

    private static List<Severity> descending() {
        List<Severity> out = new ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * Escapes text for HTML element content and (quoted) attribute values alike, in HTML and in
     * inline SVG: {@code & < > " '} become character references, and characters an HTML document
     * must not contain (controls other than tab and newline, lone surrogates, noncharacters)
     * become U+FFFD. U+2028/2029 are written as references.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n', '\t' -> sb.append(c);
                case '\r' -> sb.append("&#13;");
                case '\u2028' -> sb.append("&#x2028;");
                case '\u2029' -> sb.append("&#x2029;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(i + 1));
                        i++;
                        if ((cp & 0xFFFE) == 0xFFFE) {
                            sb.append('\uFFFD');
                        } else {
                            sb.appendCodePoint(cp);
                        }
                    } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF
                            || (c >= 0xFDD0 && c <= 0xFDEF)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A name in one or two lines of at most {@code max} code points, broken at spaces where it can be; the rest cut with an ellipsis. */
    static List<String> wrap(String s, int max) {
        String t = s == null ? "" : s.strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return List.of(t);
        }
        int cut = t.offsetByCodePoints(0, max);
        int space = t.lastIndexOf(' ', cut);
        int end = space > max / 3 ? space : cut;
        return List.of(t.substring(0, end).stripTrailing(), truncate(t.substring(end).strip(), max));
    }

    /** At most {@code max} code points, with an ellipsis when cut (cut before escaping, never inside a reference). */
    static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)).stripTrailing() + "\u2026";
    }

    /** A coordinate, to one decimal, the same on every machine. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
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
