package org.offbook.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.offbook.model.Finding;
import org.offbook.reports.LinkLayout.Box;
import org.offbook.reports.LinkLayout.Link;

import static org.offbook.reports.LinkLayout.LINE_H;
import static org.offbook.reports.LinkLayout.MAX_NAME;
import static org.offbook.reports.LinkLayout.NODE_H;
import static org.offbook.reports.LinkLayout.NODE_W;
import static org.offbook.reports.LinkLayout.PAD;
import static org.offbook.reports.LinkLayout.num;
import static org.offbook.reports.LinkLayout.truncate;
import static org.offbook.reports.LinkLayout.wrap;
import static org.offbook.reports.Words.nn;
import static org.offbook.reports.Words.plural;

/**
 * The section "Links between the entities in findings": drawings of {@link LinkLayout}s as inline
 * SVG, and the same links as a table (for screen readers, and to check a link at a glance).
 *
 * <p>How much is drawn depends on the size of the graph (docs/report-format.md, "The link drawing"):
 * up to {@link #WHOLE_MAX_LINKS} links one drawing of them all; up to {@link #NEIGHBOURHOOD_MAX_COMPANIES}
 * companies a drawing per company of its own links (each folded until opened); above that the
 * links table alone, which says why.
 */
final class LinkDiagram {

    /** The most links drawn in one drawing of the whole graph (about 1,600 px high at the most). */
    static final int WHOLE_MAX_LINKS = 60;
    /** The most companies (subjects of findings) that get a drawing of their neighbourhood each. */
    static final int NEIGHBOURHOOD_MAX_COMPANIES = 400;

    private LinkDiagram() {
    }

    /** The whole section: legend, drawings and table (or a sentence when there is nothing to draw). */
    static void section(Markup m, List<Finding> findings, Map<String, String> names) {
        m.open("section", "id", "links", "aria-labelledby", "links-h").nl().el("h2", "Links between the entities in findings", "id", "links-h").nl();
        if (findings.isEmpty()) {
            m.el("p", "No findings, so no links to draw.").nl().close("section").nl();
            return;
        }
        LinkLayout whole = new LinkLayout(findings, names);
        m.open("p", "class", "legend").open("span", "class", "sw hi").close("span").text("high or critical finding")
                .open("span", "class", "sw lo").close("span")
                .text("other findings \u00b7 on the left the companies findings are about, on the right the entities those findings"
                        + " involve (a company that is both is in both columns); each link carries its own label, rule and amount, in a"
                        + " box it runs through \u00b7 a box\u2019s colour is the most severe finding about that entity.")
                .close("p").nl();
        int companies = whole.left.size();
        if (whole.links.size() <= WHOLE_MAX_LINKS) {
            m.open("div", "class", "graphbox").nl();
            svg(m, whole, "graph");
            m.close("div").nl();
        } else if (companies <= NEIGHBOURHOOD_MAX_COMPANIES) {
            m.open("p", "id", "links-mode").text(plural(whole.links.size(), "link") + " are too many for one readable drawing (more than "
                    + WHOLE_MAX_LINKS + "): each company\u2019s own links are drawn apart, folded; open one to see it.").close("p").nl();
            m.open("div", "class", "hoods").nl();
            List<Box> byName = new ArrayList<>(whole.left);
            byName.sort(Comparator.comparing((Box b) -> b.entity.name.toLowerCase(Locale.ROOT)).thenComparing(b -> b.entity.id));
            int i = 0;
            for (Box b : byName) {
                i++;
                LinkLayout hood = new LinkLayout(findings, names, b.entity.id);
                int hi = 0;
                for (Link l : hood.links.values()) {
                    hi += l.hi() ? 1 : 0;
                }
                m.open("details", "class", "hood", "data-entity", b.entity.id).open("summary").input(b.entity.name).text(" \u00b7 "
                        + plural(hood.links.size(), "link") + (hi > 0 ? ", " + hi + " high or critical" : "")).close("summary").nl();
                svg(m, hood, "graph-" + i);
                m.close("details").nl();
            }
            m.close("div").nl();
        } else {
            m.open("p", "id", "links-mode").text(plural(whole.links.size(), "link") + " between " + plural(whole.entityCount(), "entity")
                    + ": too many to draw (more than " + NEIGHBOURHOOD_MAX_COMPANIES + " companies); the links are listed in the table.")
                    .close("p").nl();
        }
        linkTable(m, whole, whole.links.size() > WHOLE_MAX_LINKS);
        m.close("section").nl();
    }

    /** One drawing; {@code id} makes its title and description ids unique in the page. */
    static void svg(Markup m, LinkLayout g, String id) {
        String w = num(g.width);
        String h = num(g.height);
        m.open("svg", "class", "graph", "viewBox", "0 0 " + w + " " + h, "width", w, "height", h, "role", "img", "aria-labelledby",
                id + "-title " + id + "-desc").nl();
        m.el("title", "Money and ownership links between the entities involved in findings", "id", id + "-title").nl();
        m.el("desc", g.entityCount() + " entities and " + g.links.size() + " links; each link runs from the company a finding is about,"
                + " on the left, to another entity the finding involves, on the right, through its label. The same links are listed in"
                + " the table below the drawings.", "id", id + "-desc").nl();
        m.open("defs");
        marker(m, id, "hi", "#c62828", "11");
        marker(m, id, "lo", "#8c959f", "9");
        m.close("defs").nl();
        if (!g.left.isEmpty()) {
            m.el("text", "Companies findings are about", "class", "colhead", "x", num(g.left.get(0).x + NODE_W / 2.0), "y", "22").nl();
        }
        if (!g.right.isEmpty()) {
            m.el("text", "Entities they involve", "class", "colhead", "x", num(g.right.get(0).x + NODE_W / 2.0), "y", "22").nl();
        }
        // grey links first, so red ones are drawn on top where links cross (only in the bends: never over a label)
        for (boolean hi : new boolean[] {false, true}) {
            for (Link l : g.links.values()) {
                if (l.hi() == hi) {
                    link(m, l, id);
                }
            }
        }
        for (Box b : g.left) {
            box(m, b);
        }
        for (Box b : g.right) {
            box(m, b);
        }
        m.close("svg").nl();
    }

    private static void marker(Markup m, String id, String kind, String colour, String size) {
        m.open("marker", "id", id + "-arrow-" + kind, "viewBox", "0 0 10 10", "refX", "10", "refY", "5", "markerWidth", size, "markerHeight", size,
                "markerUnits", "userSpaceOnUse", "orient", "auto").empty("path", "d", "M0,0 L10,5 L0,10 z", "fill", colour).close("marker");
    }

    /** A link: its path, then its label box and text on it, in one group (the label is the link's own). */
    private static void link(Markup m, Link l, String id) {
        String kind = l.hi() ? "hi" : "lo";
        m.open("g", "class", "edge " + kind, "data-from", l.from.entity.id, "data-to", l.to.entity.id);
        m.open("title").inline(l.from.entity.name).text(" \u2192 ").inline(l.to.entity.name).text(": ");
        List<String> parts = new ArrayList<>();
        for (Finding f : l.findings) {
            parts.add(nn(f.ruleId()) + " (" + f.severity().label() + (f.amount() == null ? "" : ", " + f.amount().display()) + ") "
                    + nn(f.title()));
        }
        m.inline(String.join("; ", parts)).close("title");
        m.empty("path", "d", l.d(), "marker-end", "url(#" + id + "-arrow-" + kind + ")");
        double[] box = l.labelBox();
        m.empty("rect", "class", "lbox", "x", num(box[0]), "y", num(box[1]), "width", num(box[2]), "height", num(box[3]), "rx", "3");
        double cx = box[0] + box[2] / 2;
        m.open("text", "class", "elabel", "x", num(cx), "y", num(box[1] + PAD + LINE_H - 3));
        for (int i = 0; i < l.lines.size(); i++) {
            String[] line = l.lines.get(i);
            m.open("tspan", "x", num(cx), "dy", i == 0 ? null : String.valueOf(LINE_H), "class", line[1]).inline(line[0]).close("tspan");
        }
        m.close("text").close("g").nl();
    }

    private static void box(Markup m, Box b) {
        LinkLayout.Entity n = b.entity;
        m.open("g", "class", "node" + (n.max == null ? "" : " sev-" + n.max.label()), "data-entity", n.id, "data-side",
                b.about ? "about" : "involved");
        m.open("title").inline(n.name).text(" (").inline(n.id).text("): ");
        if (n.subject) {
            m.text("subject of " + plural(n.asSubject, "finding") + ", most severe " + n.max.label());
            if (n.target) {
                m.text("; ");
            }
        }
        int other = n.involved - (n.subject ? n.asSubject : 0);
        if (other > 0) {
            m.text("involved in " + plural(other, "other finding"));
        }
        m.close("title");
        double cx = b.x + NODE_W / 2.0;
        double cy = b.cy();
        m.empty("rect", "x", num(b.x), "y", num(b.y), "width", String.valueOf(NODE_W), "height", String.valueOf(NODE_H), "rx", "6");
        List<String> nameLines = wrap(n.name, MAX_NAME);
        if (nameLines.size() == 1) {
            m.open("text", "class", "nname", "x", num(cx), "y", num(cy - 2)).inline(nameLines.get(0));
        } else {
            m.open("text", "class", "nname", "x", num(cx), "y", num(cy - 9))
                    .open("tspan", "x", num(cx)).inline(nameLines.get(0)).close("tspan")
                    .open("tspan", "x", num(cx), "dy", "13").inline(nameLines.get(1)).close("tspan");
        }
        m.close("text");
        m.open("text", "class", "nmeta", "x", num(cx), "y", num(cy + (nameLines.size() == 1 ? 13 : 18))).inline(truncate(n.id, 18));
        if (n.subject) {
            m.text(" \u00b7 " + plural(n.asSubject, "finding") + " \u00b7 " + n.max.label());
        } else {
            m.text(" \u00b7 in " + plural(n.involved, "finding"));
        }
        m.close("text").close("g").nl();
    }

    /** The links as a table, for screen readers and for checking a link's findings at a glance. */
    static void linkTable(Markup m, LinkLayout g, boolean large) {
        m.open("details", "id", "links-list").open("summary").text("The links as a table (" + g.links.size() + ")").close("summary").nl();
        m.open("table", "id", "links-table", "class", large ? "long" : null).nl()
                .open("thead").open("tr").el("th", "From", "scope", "col").el("th", "To", "scope", "col").el("th", "Findings", "scope", "col")
                .close("tr").close("thead").nl().open("tbody").nl();
        List<Link> list = new ArrayList<>(g.links.values());
        list.sort(Comparator.comparing((Link l) -> l.from.entity.name.toLowerCase(Locale.ROOT))
                .thenComparing(l -> l.to.entity.name.toLowerCase(Locale.ROOT)).thenComparing(Link::key));
        for (Link l : list) {
            m.open("tr").elInput("td", l.from.entity.name).elInput("td", l.to.entity.name).open("td");
            boolean first = true;
            for (Finding f : l.findings) {
                if (!first) {
                    m.empty("br");
                }
                first = false;
                m.el("span", f.severity().label(), "class", "sev sev-" + f.severity().label()).text(" ").input(f.ruleId());
                if (f.amount() != null) {
                    m.text(" ").input(f.amount().display());
                }
                m.text(" ").input(f.title());
            }
            m.close("td").close("tr").nl();
        }
        m.close("tbody").nl().close("table").nl().close("details").nl();
    }
}
