package org.offbook.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offbook.bench.MarketGenerator;
import org.offbook.engine.RuleRunner;
import org.offbook.model.Finding;
import org.offbook.pipeline.Check;
import org.offbook.reports.LinkLayout.Box;
import org.offbook.reports.LinkLayout.Link;

/**
 * The geometry of the link drawing, as laid out (issue 20: labels beside the wrong line attributed
 * findings to the wrong company): each label box lies on its own link and on no other link, label
 * box or entity box; boxes do not overlap; the drawing stays within its size and is at most 1,400
 * pixels wide. Checked on the sample filings (the whole graph, and each company's neighbourhood) and
 * on a generated 300-company market (each neighbourhood, as the report draws it at that size).
 * scripts/check-labels.sh checks the same in a real browser, on the rendered page.
 */
class LinkLayoutTest {

    /** The size budget of the HTML page (docs/report-format.md, "Size"): 1.5 MB plus 5 KB a finding. */
    static final long BUDGET_BASE = 1536L * 1024;
    static final long BUDGET_PER_FINDING = 5L * 1024;

    /** Points per piece of a path: at most about 2 px apart for the widest bend. */
    static final int STEPS = 80;

    @Test
    void sampleFilingsWholeDrawingAndEveryNeighbourhood() {
        Report r = Check.run(List.of(Path.of("filings")), List.of(Path.of("rules")), RuleRunner.Limits.DEFAULT);
        LinkLayout whole = new LinkLayout(r.findings(), r.entities());
        assertTrue(whole.links.size() > 20 && whole.links.size() <= LinkDiagram.WHOLE_MAX_LINKS, "the sample is drawn whole");
        assertTrue(whole.width < 1000, "readable at 1,400 px without scaling: " + whole.width);
        assertGeometry(whole, "sample");
        assertEveryFindingLinkDrawn(r.findings(), whole);
        for (Box b : whole.left) {
            assertGeometry(new LinkLayout(r.findings(), r.entities(), b.entity.id), "sample, neighbourhood of " + b.entity.id);
        }
    }

    @Test
    void generatedMarketOf300CompaniesEveryNeighbourhood(@TempDir Path tmp) throws IOException {
        Path market = tmp.resolve("market");
        MarketGenerator.generate(new MarketGenerator.Spec(300, 7, 2, MarketGenerator.Layout.TABLES), market);
        Report r = Check.run(List.of(market), List.of(Path.of("rules")), RuleRunner.Limits.DEFAULT);
        LinkLayout whole = new LinkLayout(r.findings(), r.entities());
        assertTrue(whole.links.size() > LinkDiagram.WHOLE_MAX_LINKS, "a market this size is drawn per company: " + whole.links.size());
        assertTrue(whole.left.size() <= LinkDiagram.NEIGHBOURHOOD_MAX_COMPANIES, "and each company gets its drawing");
        assertEveryFindingLinkDrawn(r.findings(), whole);
        int drawn = 0;
        for (Box b : whole.left) {
            LinkLayout hood = new LinkLayout(r.findings(), r.entities(), b.entity.id);
            assertGeometry(hood, "market, neighbourhood of " + b.entity.id);
            drawn += hood.links.size();
        }
        assertTrue(drawn >= whole.links.size(), "every link is in some neighbourhood drawing");
        // the page as a user gets it: drawn per company, within the size budget of docs/report-format.md
        String html = GoldenReportsTest.render(new HtmlReport(), r);
        assertTrue(html.contains("<p id=\"links-mode\">"), "says why the links are drawn per company");
        assertEquals(whole.left.size(), HtmlReportTest.count(html, "<details class=\"hood\""), "a folded drawing per company");
        long bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes <= BUDGET_BASE + BUDGET_PER_FINDING * r.findings().size(),
                "page of " + bytes + " bytes for " + r.findings().size() + " findings is over the size budget");
        // the whole graph is not drawn at this size, but its layout holds too
        assertGeometry(whole, "market, whole");
    }

    @Test
    void aLabelOffItsOwnLinkIsCaught() {
        Report r = Check.run(List.of(Path.of("filings")), List.of(Path.of("rules")), RuleRunner.Limits.DEFAULT);
        LinkLayout g = new LinkLayout(r.findings(), r.entities());
        List<Link> ls = new ArrayList<>(g.links.values());
        // move one label's row onto another's: the check must notice
        ls.get(0).row = ls.get(1).row;
        List<String> problems = problems(g);
        assertTrue(!problems.isEmpty(), "the check finds a misplaced label");
    }

    static void assertEveryFindingLinkDrawn(List<Finding> findings, LinkLayout g) {
        Set<String> want = new TreeSet<>();
        for (Finding f : findings) {
            for (String e : Words.entitiesOf(f)) {
                if (!e.equals(f.subject())) {
                    want.add(f.subject() + " -> " + e);
                }
            }
        }
        Set<String> got = new TreeSet<>();
        for (Link l : g.links.values()) {
            got.add(l.from.entity.id + " -> " + l.to.entity.id);
        }
        assertEquals(want, got, "one link per company and entity it is linked to by a finding");
    }

    static void assertGeometry(LinkLayout g, String what) {
        List<String> problems = problems(g);
        assertTrue(problems.isEmpty(), what + ": " + problems.size() + " problems, first: " + problems.stream().limit(5).toList());
        assertTrue(g.width <= 1400, what + ": wider than 1,400 px: " + g.width);
    }

    /** Everything wrong with the geometry, in words (empty when it holds). */
    static List<String> problems(LinkLayout g) {
        List<String> out = new ArrayList<>();
        List<double[]> boxes = new ArrayList<>();
        List<String> boxNames = new ArrayList<>();
        for (Box b : g.left) {
            boxes.add(new double[] {b.x, b.y, LinkLayout.NODE_W, LinkLayout.NODE_H});
            boxNames.add("box " + b.entity.id + " (left)");
        }
        for (Box b : g.right) {
            boxes.add(new double[] {b.x, b.y, LinkLayout.NODE_W, LinkLayout.NODE_H});
            boxNames.add("box " + b.entity.id + " (right)");
        }
        List<Link> links = new ArrayList<>(g.links.values());
        List<List<double[]>> paths = new ArrayList<>();
        for (Link l : links) {
            paths.add(l.points(STEPS));
        }
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            String name = l.from.entity.id + " -> " + l.to.entity.id;
            double[] lb = l.labelBox();
            if (lb[0] < 0 || lb[1] < 0 || lb[0] + lb[2] > g.width || lb[1] + lb[3] > g.height) {
                out.add("label of " + name + " outside the drawing");
            }
            if (!crosses(lb, paths.get(i), 0)) {
                out.add("label of " + name + " is not on its own link");
            }
            for (int j = 0; j < links.size(); j++) {
                if (j != i && crosses(lb, paths.get(j), 2)) {
                    out.add("label of " + name + " lies on the link " + links.get(j).from.entity.id + " -> " + links.get(j).to.entity.id);
                }
                if (j > i && overlap(lb, links.get(j).labelBox(), 1)) {
                    out.add("label of " + name + " overlaps the label of " + links.get(j).from.entity.id + " -> " + links.get(j).to.entity.id);
                }
            }
            for (int k = 0; k < boxes.size(); k++) {
                if (overlap(lb, boxes.get(k), 1)) {
                    out.add("label of " + name + " overlaps " + boxNames.get(k));
                }
            }
            // a link touches boxes only at its own two ends
            for (int k = 0; k < boxes.size(); k++) {
                boolean own = boxNames.get(k).equals("box " + l.from.entity.id + " (left)") || boxNames.get(k).equals("box " + l.to.entity.id + " (right)");
                if (!own && crosses(boxes.get(k), paths.get(i), 1)) {
                    out.add("link " + name + " passes through " + boxNames.get(k));
                }
            }
        }
        for (int a = 0; a < boxes.size(); a++) {
            double[] b = boxes.get(a);
            if (b[0] < 0 || b[1] < 0 || b[0] + b[2] > g.width || b[1] + b[3] > g.height) {
                out.add(boxNames.get(a) + " outside the drawing");
            }
            for (int c = a + 1; c < boxes.size(); c++) {
                if (overlap(b, boxes.get(c), 1)) {
                    out.add(boxNames.get(a) + " overlaps " + boxNames.get(c));
                }
            }
        }
        return out;
    }

    /** Whether a point of the path lies within the box grown by {@code grow} on every side. */
    static boolean crosses(double[] box, List<double[]> path, double grow) {
        for (double[] p : path) {
            if (p[0] >= box[0] - grow && p[0] <= box[0] + box[2] + grow && p[1] >= box[1] - grow && p[1] <= box[1] + box[3] + grow) {
                return true;
            }
        }
        return false;
    }

    static boolean overlap(double[] a, double[] b, double grow) {
        return a[0] < b[0] + b[2] + grow && b[0] < a[0] + a[2] + grow && a[1] < b[1] + b[3] + grow && b[1] < a[1] + a[3] + grow;
    }
}
