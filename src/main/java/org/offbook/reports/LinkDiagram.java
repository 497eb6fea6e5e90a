package org.offbook.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.offbook.model.Finding;
import org.offbook.model.Severity;
import org.offbook.reports.LinkLayout.Edge;
import org.offbook.reports.LinkLayout.Node;

import static org.offbook.reports.LinkLayout.LINE_H;
import static org.offbook.reports.LinkLayout.MAX_NAME;
import static org.offbook.reports.LinkLayout.NODE_H;
import static org.offbook.reports.LinkLayout.NODE_W;
import static org.offbook.reports.LinkLayout.num;
import static org.offbook.reports.LinkLayout.truncate;
import static org.offbook.reports.LinkLayout.wrap;
import static org.offbook.reports.Words.nn;
import static org.offbook.reports.Words.plural;

/**
 * The section "Links between the entities in findings": the drawing of a {@link LinkLayout} as
 * inline SVG, and the same links as a table (for screen readers, and to check a link at a glance).
 */
final class LinkDiagram {

    private final LinkLayout g;

    LinkDiagram(List<Finding> findings, Map<String, String> names) {
        this.g = new LinkLayout(findings, names);
    }

    /** The whole section: legend, drawing and table (or a sentence when there is nothing to draw). */
    static void section(StringBuilder sb, List<Finding> findings, Map<String, String> names) {
        sb.append("<section id=\"links\" aria-labelledby=\"links-h\">\n<h2 id=\"links-h\">Links between the entities in findings</h2>\n");
        if (findings.isEmpty()) {
            sb.append("<p>No findings, so no links to draw.</p>\n</section>\n");
            return;
        }
        LinkDiagram d = new LinkDiagram(findings, names);
        sb.append("<p class=\"legend\"><span class=\"sw hi\"></span>high or critical finding<span class=\"sw lo\"></span>other findings")
                .append(" &#183; arrows run from the company a finding is about to the other entities it involves, labelled with")
                .append(" rule and amount &#183; a box&#8217;s colour is the most severe finding about that entity.</p>\n");
        sb.append("<div class=\"graphbox\">\n");
        d.svg(sb);
        sb.append("</div>\n");
        d.linkTable(sb);
        sb.append("</section>\n");
    }

    void svg(StringBuilder sb) {
        String w = num(g.width);
        String h = num(g.height);
        sb.append("<svg class=\"graph\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" role=\"img\" aria-labelledby=\"graph-title graph-desc\">\n");
        sb.append("<title id=\"graph-title\">Money and ownership links between the entities involved in findings</title>\n");
        sb.append("<desc id=\"graph-desc\">").append(g.nodes.size()).append(" entities and ").append(g.edges.size())
                .append(" links; each link runs from the company a finding is about to another entity the finding involves.")
                .append(" The same links are listed in the table below the drawing.</desc>\n");
        sb.append("<defs>")
                .append("<marker id=\"ob-arrow-hi\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"11\" markerHeight=\"11\"")
                .append(" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c62828\"/></marker>")
                .append("<marker id=\"ob-arrow-lo\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\"")
                .append(" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#8c959f\"/></marker>")
                .append("</defs>\n");
        for (int c = 0; c < g.columns.size(); c++) {
            Node first = g.columns.get(c).get(0);
            sb.append("<text class=\"colhead\" x=\"").append(num(first.cx)).append("\" y=\"22\">").append(Html.text(g.columnTitles.get(c)))
                    .append("</text>\n");
        }
        // grey g.edges first, so red ones are drawn on top
        for (boolean hi : new boolean[] {false, true}) {
            for (Edge e : g.edges.values()) {
                if (e.hi() != hi) {
                    continue;
                }
                sb.append("<g class=\"edge ").append(hi ? "hi" : "lo").append("\" data-from=\"").append(Html.attr(e.from.id))
                        .append("\" data-to=\"").append(Html.attr(e.to.id)).append("\"><title>").append(Html.isolateInline(e.from.name)).append(" \u2192 ")
                        .append(Html.isolateInline(e.to.name)).append(": ");
                List<String> parts = new ArrayList<>();
                for (Finding f : e.findings) {
                    parts.add(nn(f.ruleId()) + " (" + f.severity().label() + (f.amount() == null ? "" : ", " + f.amount().display())
                            + ") " + nn(f.title()));
                }
                sb.append(Html.isolateInline(String.join("; ", parts))).append("</title><path d=\"").append(e.d()).append("\" marker-end=\"url(#ob-arrow-")
                        .append(hi ? "hi" : "lo").append(")\"/></g>\n");
            }
        }
        for (List<Node> col : g.columns) {
            for (Node n : col) {
                sb.append("<g class=\"node").append(n.max == null ? "" : " sev-" + n.max.label()).append("\" data-entity=\"")
                        .append(Html.attr(n.id)).append("\"><title>").append(Html.isolateInline(n.name)).append(" (").append(Html.isolateInline(n.id)).append("): ");
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
                    sb.append(num(n.cy - 2)).append("\">").append(Html.isolateInline(nameLines.get(0)));
                } else {
                    sb.append(num(n.cy - 9)).append("\"><tspan x=\"").append(num(n.cx)).append("\">").append(Html.isolateInline(nameLines.get(0)))
                            .append("</tspan><tspan x=\"").append(num(n.cx)).append("\" dy=\"13\">").append(Html.isolateInline(nameLines.get(1)))
                            .append("</tspan>");
                }
                sb.append("</text><text class=\"nmeta\" x=\"").append(num(n.cx)).append("\" y=\"")
                        .append(num(n.cy + (nameLines.size() == 1 ? 13 : 18))).append("\">").append(Html.isolateInline(truncate(n.id, 18)));
                if (n.subject) {
                    sb.append(" &#183; ").append(plural(n.asSubject, "finding")).append(" &#183; ").append(n.max.label());
                } else {
                    sb.append(" &#183; in ").append(plural(n.involved, "finding"));
                }
                sb.append("</text></g>\n");
            }
        }
        for (Edge e : g.edges.values()) {
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
                sb.append(" class=\"").append(l[1]).append("\">").append(Html.isolateInline(l[0])).append("</tspan>");
            }
            sb.append("</text>\n");
        }
        sb.append("</svg>\n");
    }

    /** The drawing as a table, for screen readers and for checking a link's findings at a glance. */
    void linkTable(StringBuilder sb) {
        sb.append("<details id=\"links-list\"><summary>The links as a table (").append(g.edges.size()).append(")</summary>\n")
                .append("<table id=\"links-table\">\n<thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th>")
                .append("<th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n");
        List<Edge> list = new ArrayList<>(g.edges.values());
        list.sort(Comparator.comparing((Edge e) -> e.from.name.toLowerCase(Locale.ROOT)).thenComparing(e -> e.to.name.toLowerCase(Locale.ROOT))
                .thenComparing(Edge::key));
        for (Edge e : list) {
            sb.append("<tr><td>").append(Html.isolate(e.from.name)).append("</td><td>").append(Html.isolate(e.to.name)).append("</td><td>");
            List<String> parts = new ArrayList<>();
            for (Finding f : e.findings) {
                parts.add("<span class=\"sev sev-" + f.severity().label() + "\">" + f.severity().label() + "</span> " + Html.isolate(f.ruleId())
                        + (f.amount() == null ? "" : " " + Html.isolate(f.amount().display())) + " " + Html.isolate(f.title()));
            }
            sb.append(String.join("<br/>", parts)).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n</details>\n");
    }
}
