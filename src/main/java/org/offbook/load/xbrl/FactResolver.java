package org.offbook.load.xbrl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offbook.model.Provenance;

/**
 * The end of one read: each raw fact is resolved against its context, unit and continuations
 * (which filers may put after the facts that name them), its value transformed and scaled, and
 * duplicates merged: the same concept, period, entity, dimensions and unit is one fact; consistent
 * duplicates keep the more precise (then the visible) one, inconsistent ones are both kept out and
 * reported.
 */
final class FactResolver {

    private final Cursor cur;
    private final ContextsAndUnits resources;
    private final FactTags tags;

    FactResolver(Cursor cur, ContextsAndUnits resources, FactTags tags) {
        this.cur = cur;
        this.resources = resources;
        this.tags = tags;
    }

    /** The facts read, in document order; {@code complete} false when the read stopped early. */
    List<XbrlFact> resolve(boolean complete) {
        List<RawFact> raws = tags.raws();
        raws.sort((a, b) -> Integer.compare(a.seq, b.seq));
        List<XbrlFact> out = new ArrayList<>();
        Map<String, Integer> byKey = new HashMap<>();
        int lostToStop = 0;
        for (RawFact f : raws) {
            ContextsAndUnits.Ctx ctx = resources.context(f.contextRef);
            ContextsAndUnits.Unit unit = f.unitRef == null ? null : resources.unit(f.unitRef);
            if (!complete && (ctx == null || (f.unitRef != null && unit == null))) {
                lostToStop++;
                continue;
            }
            XbrlFact fact = build(f, ctx, unit);
            if (fact == null) {
                continue;
            }
            String key = key(fact);
            Integer at = byKey.get(key);
            if (at == null) {
                byKey.put(key, out.size());
                out.add(fact);
            } else {
                XbrlFact kept = out.get(at);
                if (!consistent(kept, fact)) {
                    cur.problem(f.line, f.column, fact.qname(), "inconsistent duplicate: " + show(fact) + " here, " + show(kept) + " at line "
                            + kept.provenance().line() + " (same concept, period, entity, dimensions and unit); both kept out");
                    out.set(at, null);
                } else if (better(fact, kept)) {
                    out.set(at, fact);
                }
            }
        }
        if (lostToStop > 0) {
            cur.problems.note(lostToStop + " facts read before the stop are not kept: their context or unit was not read");
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    private XbrlFact build(RawFact f, ContextsAndUnits.Ctx ctx, ContextsAndUnits.Unit unit) {
        String qn = f.qname();
        if (ctx == null) {
            cur.problem(f.line, f.column, qn, "undefined context '" + f.contextRef + "'; fact not read");
            return null;
        }
        if (f.numeric && f.unitRef == null) {
            cur.problem(f.line, f.column, qn, "numeric fact without unitRef; fact not read");
            return null;
        }
        if (f.unitRef != null && unit == null) {
            cur.problem(f.line, f.column, qn, "undefined unit '" + f.unitRef + "'; fact not read");
            return null;
        }
        Integer decimals = null;
        boolean infinite = false;
        if (f.decimals != null) {
            String d = f.decimals.strip();
            if (d.equals("INF")) {
                infinite = true;
            } else {
                try {
                    decimals = Integer.valueOf(d);
                } catch (NumberFormatException e) {
                    cur.problem(f.line, f.column, qn, "decimals '" + Transforms.clip(d) + "' is not an integer or INF; fact not read");
                    return null;
                }
            }
        } else if (f.precision != null && f.precision.strip().equals("INF")) {
            infinite = true;
        }
        BigDecimal value = null;
        String text = null;
        boolean truncated = f.truncated;
        if (!f.nil) {
            String shown = f.text;
            if (f.continuedAt != null) {
                StringBuilder sb = new StringBuilder(shown);
                truncated |= continued(f, sb);
                shown = sb.toString();
            }
            String lexical;
            try {
                if (f.format != null) {
                    if (f.formatNs == null) {
                        throw new Transforms.TransformException("the prefix of format '" + f.format + "' is not declared");
                    }
                    lexical = Transforms.apply(f.formatNs, f.formatLocal, shown);
                } else if (f.numeric) {
                    lexical = Transforms.plain(shown);
                } else {
                    lexical = cur.kind == XbrlDocument.Kind.INSTANCE && shown.indexOf('<') >= 0 ? Markup.strip(shown) : Transforms.collapse(shown);
                }
            } catch (Transforms.TransformException e) {
                cur.problem(f.line, f.column, qn, e.getMessage() + "; fact not read");
                return null;
            }
            if (f.numeric) {
                try {
                    BigDecimal v = new BigDecimal(lexical);
                    if (f.scale != null) {
                        int scale = Integer.parseInt(f.scale.strip());
                        if (Math.abs(scale) > 30) {
                            throw new NumberFormatException();
                        }
                        v = v.movePointRight(scale);
                    }
                    if (f.negative) {
                        v = v.negate();
                    }
                    if (v.scale() < 0) {
                        v = v.setScale(0);
                    }
                    value = v;
                    text = v.toPlainString();
                } catch (NumberFormatException e) {
                    cur.problem(f.line, f.column, qn, (f.scale != null ? "scale '" + Transforms.clip(f.scale) + "' or value '" : "value '")
                            + Transforms.clip(lexical) + "' is not a number; fact not read");
                    return null;
                }
            } else {
                text = lexical;
            }
        }
        return new XbrlFact(f.ns, f.local, f.prefix, ctx.start(), ctx.end(), ctx.dims(),
                unit == null ? null : unit.text(), unit == null ? List.of() : unit.num(), unit == null ? List.of() : unit.den(),
                value, text, truncated, decimals, infinite, f.nil, f.hidden, f.numeric, f.format,
                f.contextRef, ctx.entity(), f.id, new Provenance(cur.name, f.line), f.column);
    }

    /** Appends the continuations of a fact; true when the text was cut at the limit. */
    private boolean continued(RawFact f, StringBuilder sb) {
        Set<String> seen = new HashSet<>();
        String next = f.continuedAt;
        boolean cut = false;
        while (next != null) {
            if (!seen.add(next)) {
                cur.problem(f.line, f.column, f.qname(), "continuation chain loops back to '" + next + "'; text ends there");
                break;
            }
            FactTags.Continuation c = tags.continuation(next.strip());
            if (c == null) {
                cur.problem(f.line, f.column, f.qname(), "continuation '" + next + "' not found; text ends there");
                break;
            }
            int room = cur.limits.maxTextChars() - sb.length();
            if (c.text().length() + 1 > room) {
                sb.append(' ').append(c.text(), 0, Math.max(0, room - 1));
                cur.problem(f.line, f.column, f.qname(), "text with its continuations longer than " + cur.limits.maxTextChars()
                        + " characters; cut there");
                cut = true;
                break;
            }
            sb.append(' ').append(c.text());
            cut |= c.truncated();
            next = c.continuedAt();
        }
        return cut;
    }

    private static String key(XbrlFact f) {
        return f.namespace() + '\u0001' + f.localName() + '\u0001' + f.entity() + '\u0001' + f.period() + '\u0001'
                + f.dimensionsText() + '\u0001' + f.unit();
    }

    private static String show(XbrlFact f) {
        return f.nil() ? "nil" : f.value() != null ? f.value().toPlainString() : "'" + Transforms.clip(f.text() == null ? "" : f.text()) + "'";
    }

    /** Duplicates agree when nil alike and, for numbers, equal once rounded to the lesser precision. */
    static boolean consistent(XbrlFact a, XbrlFact b) {
        if (a.nil() || b.nil()) {
            return a.nil() == b.nil();
        }
        if (a.value() == null || b.value() == null) {
            return java.util.Objects.equals(a.text(), b.text());
        }
        Integer da = a.infinite() ? null : a.decimals();
        Integer db = b.infinite() ? null : b.decimals();
        Integer d = da == null ? db : db == null ? da : Integer.valueOf(Math.min(da, db));
        if (d == null) {
            return a.value().compareTo(b.value()) == 0;
        }
        return a.value().setScale(d, RoundingMode.HALF_UP).compareTo(b.value().setScale(d, RoundingMode.HALF_UP)) == 0;
    }

    /** Of two consistent duplicates, the more precise; at equal precision the visible one; else the first. */
    private static boolean better(XbrlFact candidate, XbrlFact kept) {
        int pc = candidate.infinite() ? Integer.MAX_VALUE : candidate.decimals() == null ? Integer.MIN_VALUE : candidate.decimals();
        int pk = kept.infinite() ? Integer.MAX_VALUE : kept.decimals() == null ? Integer.MIN_VALUE : kept.decimals();
        if (pc != pk) {
            return pc > pk;
        }
        return kept.hidden() && !candidate.hidden();
    }
}
