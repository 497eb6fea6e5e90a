package org.offbook.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Finding;
import org.offbook.model.Severity;

import static org.offbook.reports.Words.entitiesOf;
import static org.offbook.reports.Words.nn;

/**
 * The links between the entities involved in findings, laid out as two columns with a lane between
 * them (a bipartite drawing): on the left each company a finding is about, on the right each entity
 * its findings involve; a company that is both appears in both columns. Every link runs from the
 * left to the right across the one lane, so no link ever passes a box or another column.
 *
 * <p>The lane has three bands. In the middle band each link has a row of its own, holding its label
 * box, and runs level through it; in the two outer bands the link curves from its port on a box to
 * its row. Rows never overlap, and within the middle band every link is level at its own row, so a
 * label box lies on its own link and on no other link or box, by construction (issue 20: labels beside
 * the wrong line attributed findings to the wrong company). Links may cross each other only in the
 * outer bands, where no label is.
 *
 * <p>Order: each column by name, then a few barycentre sweeps to reduce crossings; rows ordered by
 * where their link would like to run and placed as near to that as the no-overlap condition allows
 * (pool-adjacent-violators, least squares); the columns are spread to the height of the rows. Width
 * is bounded whatever the graph: two boxes, the lane and the widest label. Every step is deterministic.
 */
final class LinkLayout {
    static final int NODE_W = 220;
    static final int NODE_H = 46;
    static final int PITCH = 58;
    static final int MARGIN = 16;
    static final int HEAD = 36;
    static final int LINE_H = 14;
    static final int MAX_LINES = 4;
    static final int MAX_NAME = 30;
    static final int MAX_LABEL = 36;
    /** Width of an outer band of the lane, where links curve from their box to their row. */
    static final int BEND = 110;
    /** Padding inside a label box, and the gap between two rows. */
    static final int PAD = 4;
    static final int ROW_GAP = 5;
    /** Width of a character of a label (11px sans-serif; bold for a high or critical finding), generously: boxes are sized by it. */
    static final double CHAR_W = 6.6;
    static final double CHAR_W_BOLD = 7.4;

    final Map<String, Entity> entities = new TreeMap<>();
    final Map<String, Link> links = new TreeMap<>();
    final List<Box> left = new ArrayList<>();
    final List<Box> right = new ArrayList<>();
    /** The middle band of the lane, where the labels are. */
    double bandX;
    double bandW;
    double width;
    double height;

    /** An entity, with what the findings say about it. */
    static final class Entity {
        final String id;
        String name;
        String subjectName;
        boolean subject;
        boolean target;
        int asSubject;
        int involved;
        Severity max;

        Entity(String id) {
            this.id = id;
        }
    }

    /** A drawn box: an entity in the left (about) or the right (involved) column. */
    static final class Box {
        final Entity entity;
        final boolean about;
        final List<Link> links = new ArrayList<>();
        double x;
        double y;
        double order;

        Box(Entity entity, boolean about) {
            this.entity = entity;
            this.about = about;
        }

        double cy() {
            return y + NODE_H / 2.0;
        }
    }

    /** A link from a company to an entity its findings involve, with its label box. */
    static final class Link {
        final Box from;
        final Box to;
        final List<Finding> findings = new ArrayList<>();
        /** The label's lines: text and class ("hi" for a high or critical finding). */
        final List<String[]> lines = new ArrayList<>();
        double x1;
        double y1;
        double x2;
        double y2;
        /** The row: the level the link runs at through the middle band; the label box is centred on it. */
        double row;
        double want;
        double lw;
        double lh;
        double bandX;
        double bandW;

        Link(Box from, Box to) {
            this.from = from;
            this.to = to;
        }

        String key() {
            return from.entity.id + "\u0000" + to.entity.id;
        }

        boolean hi() {
            for (Finding f : findings) {
                if (f.severity().compareTo(Severity.HIGH) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** The label box: {x, y, width, height}, centred in the band on the row. */
        double[] labelBox() {
            return new double[] {bandX + (bandW - lw) / 2, row - lh / 2, lw, lh};
        }

        /** The path: a curve to the row, level through the middle band, a curve to the target. */
        String d() {
            double a = bandX;
            double b = bandX + bandW;
            double m1 = (x1 + a) / 2;
            double m2 = (b + x2) / 2;
            return "M" + num(x1) + "," + num(y1) + " C" + num(m1) + "," + num(y1) + " " + num(m1) + "," + num(row) + " " + num(a) + ","
                    + num(row) + " L" + num(b) + "," + num(row) + " C" + num(m2) + "," + num(row) + " " + num(m2) + "," + num(y2) + " "
                    + num(x2) + "," + num(y2);
        }

        /** Points along the path as drawn ({@code n} per piece), for checking the geometry. */
        List<double[]> points(int n) {
            double a = bandX;
            double b = bandX + bandW;
            double m1 = (x1 + a) / 2;
            double m2 = (b + x2) / 2;
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i <= n; i++) {
                double t = i / (double) n;
                out.add(new double[] {bez(x1, m1, m1, a, t), bez(y1, y1, row, row, t)});
            }
            for (int i = 0; i <= n; i++) {
                out.add(new double[] {a + (b - a) * i / n, row});
            }
            for (int i = 0; i <= n; i++) {
                double t = i / (double) n;
                out.add(new double[] {bez(b, m2, m2, x2, t), bez(row, row, y2, y2, t)});
            }
            return out;
        }
    }

    /** The whole graph of the findings. */
    LinkLayout(List<Finding> findings, Map<String, String> names) {
        this(findings, names, null);
    }

    /**
     * The graph of the findings, or with {@code focus} only the neighbourhood of that company: the
     * links from it and to it, and their ends.
     */
    LinkLayout(List<Finding> findings, Map<String, String> names, String focus) {
        Map<String, Box> abouts = new TreeMap<>();
        Map<String, Box> involved = new TreeMap<>();
        for (Finding f : findings) {
            Entity s = entity(nn(f.subject()));
            s.subject = true;
            s.asSubject++;
            if (s.subjectName == null && f.subjectName() != null && !f.subjectName().isBlank()) {
                s.subjectName = f.subjectName();
            }
            if (s.max == null || f.severity().compareTo(s.max) > 0) {
                s.max = f.severity();
            }
            for (String id : entitiesOf(f)) {
                Entity n = entity(id);
                n.involved++;
                if (id.equals(s.id)) {
                    continue;
                }
                n.target = true;
                if (focus != null && !focus.equals(s.id) && !focus.equals(id)) {
                    continue;
                }
                Box from = abouts.computeIfAbsent(s.id, k -> new Box(s, true));
                Box to = involved.computeIfAbsent(id, k -> new Box(n, false));
                links.computeIfAbsent(s.id + "\u0000" + id, k -> {
                    Link l = new Link(from, to);
                    from.links.add(l);
                    to.links.add(l);
                    return l;
                }).findings.add(f);
            }
            if (focus == null) {
                // a company with findings but no link to another entity is still shown
                abouts.computeIfAbsent(s.id, k -> new Box(s, true));
            } else if (focus.equals(s.id) && abouts.get(s.id) == null && !involved.containsKey(s.id)) {
                abouts.put(s.id, new Box(s, true));
            }
        }
        for (Entity e : entities.values()) {
            String name = names.get(e.id);
            e.name = name != null && !name.isBlank() ? name : e.subjectName != null ? e.subjectName : e.id;
        }
        left.addAll(abouts.values());
        right.addAll(involved.values());
        layout();
    }

    private Entity entity(String id) {
        return entities.computeIfAbsent(id, Entity::new);
    }

    /** The entities drawn: in either column. */
    int entityCount() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        left.forEach(b -> ids.add(b.entity.id));
        right.forEach(b -> ids.add(b.entity.id));
        return ids.size();
    }

    private static final Comparator<Box> BY_NAME = Comparator.comparing((Box b) -> b.entity.name.toLowerCase(Locale.ROOT))
            .thenComparing(b -> b.entity.name).thenComparing(b -> b.entity.id);

    private void layout() {
        for (Link l : links.values()) {
            label(l);
        }
        double widest = 120;
        for (Link l : links.values()) {
            widest = Math.max(widest, l.lw);
        }
        bandX = MARGIN + NODE_W + BEND;
        bandW = Math.ceil(widest) + 8;
        width = bandX + bandW + BEND + NODE_W + MARGIN;
        for (Link l : links.values()) {
            l.bandX = bandX;
            l.bandW = bandW;
        }
        // order: by name, then barycentre sweeps (each column by the mean place of its links' other ends)
        left.sort(BY_NAME);
        right.sort(BY_NAME);
        rank(left);
        rank(right);
        for (int pass = 0; pass < 6; pass++) {
            List<Box> col = pass % 2 == 0 ? right : left;
            for (Box b : col) {
                double sum = 0;
                for (Link l : b.links) {
                    sum += (b.about ? l.to : l.from).order;
                }
                b.order = b.links.isEmpty() ? b.order : sum / b.links.size();
            }
            col.sort(Comparator.comparingDouble((Box b) -> b.order).thenComparing(BY_NAME));
            rank(col);
        }
        // place the columns, the rows from them, and spread the columns to the rows' height (twice: it settles)
        double span = Math.max(left.size(), right.size()) * PITCH;
        for (int pass = 0; pass < 3; pass++) {
            place(left, MARGIN, span);
            place(right, width - MARGIN - NODE_W, span);
            ports();
            double need = rows();
            if (need <= span + 0.5) {
                break;
            }
            span = need;
        }
        double bottom = HEAD + span;
        for (Link l : links.values()) {
            bottom = Math.max(bottom, l.row + l.lh / 2);
        }
        height = Math.ceil(bottom + MARGIN);
    }

    private static void rank(List<Box> col) {
        for (int i = 0; i < col.size(); i++) {
            col.get(i).order = (i + 0.5) / col.size();
        }
    }

    /** A column's boxes spread evenly over the height {@code span}, below the column titles. */
    private static void place(List<Box> col, double x, double span) {
        double slot = col.isEmpty() ? 0 : span / col.size();
        for (int i = 0; i < col.size(); i++) {
            Box b = col.get(i);
            b.x = x;
            b.y = HEAD + (i + 0.5) * slot - NODE_H / 2.0;
        }
    }

    /** Where links leave and enter their boxes: spread along the side, in the order of their other ends. */
    private void ports() {
        for (Box b : left) {
            side(b, true);
        }
        for (Box b : right) {
            side(b, false);
        }
    }

    private static void side(Box b, boolean out) {
        List<Link> ls = new ArrayList<>(b.links);
        ls.sort(Comparator.comparingDouble((Link l) -> out ? l.to.cy() : l.from.cy()).thenComparing(Link::key));
        int n = ls.size();
        double step = n <= 1 ? 0 : Math.min(8, (NODE_H - 10) / (double) (n - 1));
        for (int i = 0; i < n; i++) {
            double y = b.cy() + (i - (n - 1) / 2.0) * step;
            Link l = ls.get(i);
            if (out) {
                l.x1 = b.x + NODE_W;
                l.y1 = y;
            } else {
                l.x2 = b.x;
                l.y2 = y;
            }
        }
    }

    /**
     * The rows: each link wants to run at the middle of its two ends; in that order, the rows are
     * placed as near to it as they can be without overlapping (least squares, pool adjacent
     * violators), and never above the top. Returns the height the rows need below the titles.
     */
    private double rows() {
        List<Link> order = new ArrayList<>(links.values());
        for (Link l : order) {
            l.want = (l.y1 + l.y2) / 2;
        }
        order.sort(Comparator.comparingDouble((Link l) -> l.want).thenComparingDouble(l -> l.y1).thenComparing(Link::key));
        int n = order.size();
        if (n == 0) {
            return 0;
        }
        // offsets: row i = start + off[i] with off the stacked heights; fit blocks of start values
        double[] off = new double[n];
        for (int i = 1; i < n; i++) {
            Link a = order.get(i - 1);
            Link b = order.get(i);
            off[i] = off[i - 1] + a.lh / 2 + ROW_GAP + b.lh / 2;
        }
        List<double[]> blocks = new ArrayList<>(); // {first, last, mean of (want - off)}
        for (int i = 0; i < n; i++) {
            blocks.add(new double[] {i, i, order.get(i).want - off[i]});
            while (blocks.size() > 1) {
                double[] q = blocks.get(blocks.size() - 1);
                double[] p = blocks.get(blocks.size() - 2);
                if (p[2] < q[2]) {
                    break;
                }
                double np = p[1] - p[0] + 1;
                double nq = q[1] - q[0] + 1;
                p[2] = (p[2] * np + q[2] * nq) / (np + nq);
                p[1] = q[1];
                blocks.remove(blocks.size() - 1);
            }
        }
        double top = HEAD + order.get(0).lh / 2;
        for (double[] blk : blocks) {
            for (int i = (int) blk[0]; i <= (int) blk[1]; i++) {
                order.get(i).row = blk[2] + off[i];
            }
        }
        // never above the top: push down (order and gaps kept)
        double floor = top;
        for (int i = 0; i < n; i++) {
            Link l = order.get(i);
            if (i > 0) {
                Link p = order.get(i - 1);
                floor = p.row + p.lh / 2 + ROW_GAP + l.lh / 2;
            }
            l.row = Math.max(l.row, floor);
        }
        Link last = order.get(n - 1);
        return last.row + last.lh / 2 - HEAD;
    }

    /** The label's lines (most severe first; at most {@link #MAX_LINES}) and its box size. */
    private static void label(Link l) {
        List<Finding> fs = new ArrayList<>(l.findings);
        fs.sort(Comparator.comparing((Finding f) -> -f.severity().ordinal()));
        for (int i = 0; i < fs.size(); i++) {
            if (i == MAX_LINES - 1 && fs.size() > MAX_LINES) {
                l.lines.add(new String[] {"+" + (fs.size() - i) + " more", "lo"});
                break;
            }
            Finding f = fs.get(i);
            String text = nn(f.ruleId()) + (f.amount() == null ? "" : " " + f.amount().display());
            l.lines.add(new String[] {truncate(text, MAX_LABEL), f.severity().compareTo(Severity.HIGH) >= 0 ? "hi" : "lo"});
        }
        double widest = 0;
        for (String[] line : l.lines) {
            widest = Math.max(widest, line[0].codePointCount(0, line[0].length()) * (line[1].equals("hi") ? CHAR_W_BOLD : CHAR_W));
        }
        l.lw = Math.ceil(widest) + 2 * PAD + 4;
        l.lh = l.lines.size() * LINE_H + 2 * PAD;
    }

    static double bez(double p0, double p1, double p2, double p3, double t) {
        double u = 1 - t;
        return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
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
