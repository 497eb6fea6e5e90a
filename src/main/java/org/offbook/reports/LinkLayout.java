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

import static org.offbook.reports.Words.entitiesOf;
import static org.offbook.reports.Words.nn;

/**
 * The links between the entities involved in findings, laid out in up to three columns: the
 * companies findings are about, entities that are both about and involved, and the entities
 * they involve. Edges run from a finding's subject to each other entity it names; findings on
 * the same pair share an edge, labelled with each finding's rule and amount. Order within a
 * column: by name, then a few barycentre passes to uncross edges; each column is spread over the
 * full height; a link that crosses a column passes through a gap, not behind a box; labels sit
 * by the less crowded end of their link and never overlap. Every step is deterministic.
 */
final class LinkLayout {
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

    LinkLayout(List<Finding> findings, Map<String, String> names) {
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
}
