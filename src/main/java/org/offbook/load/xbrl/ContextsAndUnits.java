package org.offbook.load.xbrl;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The xbrli:context and xbrli:unit elements of one read, each consumed in place from the cursor
 * (its subtree bounded by the depth limit) and kept by id; the first of two with one id is used.
 */
final class ContextsAndUnits {

    record Ctx(String entity, LocalDate start, LocalDate end, SortedMap<String, XbrlFact.Member> dims) {
    }

    record Unit(String text, List<String> num, List<String> den) {
    }

    private final Cursor cur;
    private final Map<String, Ctx> contexts = new HashMap<>();
    private final Map<String, Unit> units = new HashMap<>();

    ContextsAndUnits(Cursor cur) {
        this.cur = cur;
    }

    Ctx context(String id) {
        return contexts.get(id);
    }

    Unit unit(String id) {
        return units.get(id);
    }

    /** Reads the xbrli:context the cursor is on, to its end tag. */
    void readContext() throws XMLStreamException {
        int line = cur.line();
        int col = cur.column();
        String id = cur.attr(null, "id");
        String entity = null;
        LocalDate start = null;
        LocalDate end = null;
        boolean forever = false;
        boolean bad = false;
        SortedMap<String, XbrlFact.Member> dims = new TreeMap<>();
        int level = 1;
        while (level > 0 && cur.r.hasNext()) {
            int e = cur.r.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
                continue;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            level++;
            cur.checkDepth(level);
            String ns = cur.r.getNamespaceURI();
            String local = cur.r.getLocalName();
            if (StreamReader.XBRLI.equals(ns)) {
                switch (local) {
                    case "identifier" -> {
                        entity = cur.elementText();
                        level--;
                    }
                    case "instant", "endDate" -> {
                        String t = cur.elementText();
                        level--;
                        end = date(t, true);
                        bad |= end == null;
                    }
                    case "startDate" -> {
                        String t = cur.elementText();
                        level--;
                        start = date(t, false);
                        bad |= start == null;
                    }
                    case "forever" -> forever = true;
                    default -> {
                    }
                }
            } else if (StreamReader.XBRLDI.equals(ns) && (local.equals("explicitMember") || local.equals("typedMember"))) {
                boolean typed = local.equals("typedMember");
                String axis = cur.attr(null, "dimension");
                int l = cur.line();
                String value = cur.elementText();
                level--;
                if (axis == null || axis.isBlank()) {
                    cur.problem(l, 0, "context " + id, "dimension member without a dimension attribute; ignored");
                } else if (dims.put(axis.strip(), new XbrlFact.Member(Transforms.collapse(value), typed)) != null) {
                    cur.problem(l, 0, "context " + id, "dimension " + axis.strip() + " given twice");
                    bad = true;
                }
            }
        }
        cur.depth--;
        if (id == null) {
            cur.problem(line, col, null, "context without id; ignored");
            return;
        }
        if (bad || (end == null && !forever) || (start != null && end == null)) {
            cur.problem(line, col, "context " + id, bad ? "context has an unreadable period or dimensions; its facts are not read"
                    : "context has no period; its facts are not read");
            return;
        }
        if (start != null && start.isAfter(end.plusDays(1))) {
            cur.problem(line, col, "context " + id, "period starts (" + start + ") after it ends (" + end + "); its facts are not read");
            return;
        }
        if (contexts.putIfAbsent(id, new Ctx(entity, start, end, Collections.unmodifiableSortedMap(dims))) != null) {
            cur.problem(line, col, "context " + id, "context id defined twice; the first is used");
        }
    }

    /** An XBRL date; an end date or instant given with a time of 00:00 is the day before (XBRL 2.1, 4.7.2). */
    private LocalDate date(String t, boolean isEnd) {
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t);
            }
            java.time.LocalDateTime dt = java.time.LocalDateTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) : t);
            LocalDate d = dt.toLocalDate();
            return isEnd && dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? d.minusDays(1) : d;
        } catch (DateTimeParseException e) {
            cur.problem(cur.line(), cur.column(), null, "'" + Transforms.clip(t) + "' is not a date");
            return null;
        }
    }

    /** Reads the xbrli:unit the cursor is on, to its end tag. */
    void readUnit() throws XMLStreamException {
        int line = cur.line();
        int col = cur.column();
        String id = cur.attr(null, "id");
        List<String> num = new ArrayList<>();
        List<String> den = new ArrayList<>();
        List<String> target = num;
        int level = 1;
        while (level > 0 && cur.r.hasNext()) {
            int e = cur.r.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
                continue;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            level++;
            cur.checkDepth(level);
            String local = cur.r.getLocalName();
            if (local.equals("unitNumerator")) {
                target = num;
            } else if (local.equals("unitDenominator")) {
                target = den;
            } else if (local.equals("measure")) {
                target.add(cur.elementText());
                level--;
            }
        }
        cur.depth--;
        if (id == null) {
            cur.problem(line, col, null, "unit without id; ignored");
            return;
        }
        if (num.isEmpty()) {
            cur.problem(line, col, "unit " + id, "unit without a measure; its facts are not read");
            return;
        }
        Collections.sort(num);
        Collections.sort(den);
        String text = String.join("*", num) + (den.isEmpty() ? "" : "/" + String.join("*", den));
        if (units.putIfAbsent(id, new Unit(text, List.copyOf(num), List.copyOf(den))) != null) {
            cur.problem(line, col, "unit " + id, "unit id defined twice; the first is used");
        }
    }
}
