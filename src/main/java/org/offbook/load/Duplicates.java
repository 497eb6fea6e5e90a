package org.offbook.load;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Problem;

/**
 * The same fact read twice is one fact (docs/filing-format.md, "count as the same fact"): two
 * facts of one type whose {@link org.offbook.model.Key} fields are all equal (after entity
 * references are resolved to ids) are one fact. When they agree on every field both give (their
 * {@code source} wording and default {@code currency} aside) the later one is merged into the
 * first, which takes the fields only the later gives, and a notice names both places. When a field
 * both give differs and the two come from different files at the same dates, the later one is
 * rejected with an error naming both places and the fields that differ, so that no amount is
 * counted twice and no figure is silently chosen. Facts one file lists side by side, and facts
 * whose dates differ (a stake as of two dates), are different facts and both kept. Entities are
 * merged by {@link References}.
 */
final class Duplicates {

    /** Facts kept, identical duplicates merged into an earlier fact, and conflicting ones rejected. */
    record Result(List<Fact> facts, List<Fact> merged, List<Fact> rejected) {
    }

    private Duplicates() {
    }

    /**
     * @param facts   facts in a stable order (file, then line): the first of duplicates is kept
     * @param errors  conflicting duplicates
     * @param notices identical duplicates (information, not errors)
     */
    static Result merge(List<Fact> facts, List<Problem> errors, List<Problem> notices) {
        Map<String, Integer> first = new HashMap<>();
        List<Fact> out = new ArrayList<>(facts.size());
        List<Fact> merged = new ArrayList<>();
        List<Fact> rejected = new ArrayList<>();
        for (Fact f : facts) {
            if (f instanceof Entity) {
                out.add(f);
                continue;
            }
            String key = FactTypes.key(f);
            Integer at = first.putIfAbsent(key, out.size());
            if (at == null) {
                out.add(f);
                continue;
            }
            Fact earlier = out.get(at);
            List<String> differ = differences(earlier, f);
            String what = FactTypes.label(f.getClass()) + " " + describe(f);
            if (differ.isEmpty()) {
                merged.add(f);
                List<String> added = added(earlier, f);
                if (!added.isEmpty()) {
                    out.set(at, combined(earlier, f));
                }
                notices.add(Problem.of(f.provenance().file(), f.provenance().line(), null,
                        "the same " + what + " as at " + earlier.provenance() + "; counted once"
                                + (added.isEmpty() ? "" : ", with " + String.join(", ", added) + " from here")));
            } else if (earlier.provenance().file().equals(f.provenance().file()) || datesDiffer(earlier, f)) {
                // two facts one file lists on purpose (a reported and a signed contract), or the same
                // relation at another date (a stake as of two dates): different facts, both kept
                out.add(f);
            } else {
                rejected.add(f);
                errors.add(Problem.of(f.provenance().file(), f.provenance().line(), differ.get(0),
                        "duplicate " + what + ": the same key as at " + earlier.provenance() + " but different "
                                + String.join(", ", differ.stream().map(d -> d + " (" + shown(FactTypes.get(earlier, component(f, d)))
                                        + " there, " + shown(FactTypes.get(f, component(f, d))) + " here)").toList())
                                + "; this one is rejected (give the facts different ids if they are different facts)"));
            }
        }
        return new Result(out, merged, rejected);
    }

    /** True when both facts give a date field (asOf, start, end, ...) and it differs: observations at different dates. */
    private static boolean datesDiffer(Fact a, Fact b) {
        for (RecordComponent c : FactTypes.inputFields(a.getClass())) {
            if (c.getType() == java.time.LocalDate.class) {
                Object x = FactTypes.get(a, c);
                Object y = FactTypes.get(b, c);
                if (x != null && y != null && !x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A value that is given: not null and not an empty list. */
    private static boolean given(Object v) {
        return v != null && !(v instanceof List<?> l && l.isEmpty());
    }

    /**
     * The fields other than source, currency and provenance that both facts give, with different
     * values. A field only one of them gives is no conflict: the two are one fact, told in part
     * by each file (a statement's revenue from one, its interest from another).
     */
    private static List<String> differences(Fact a, Fact b) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : FactTypes.inputFields(a.getClass())) {
            String n = c.getName();
            if (n.equals("source") || n.equals("currency")) {
                continue;
            }
            Object x = FactTypes.get(a, c);
            Object y = FactTypes.get(b, c);
            if (given(x) && given(y) && !equal(x, y)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Equal values; numbers by value (2.50 is 2.5). */
    private static boolean equal(Object x, Object y) {
        if (x instanceof java.math.BigDecimal p && y instanceof java.math.BigDecimal q) {
            return p.compareTo(q) == 0;
        }
        return Objects.equals(x, y);
    }

    /** The fields the later fact gives that the earlier does not. */
    private static List<String> added(Fact earlier, Fact later) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : FactTypes.inputFields(earlier.getClass())) {
            String n = c.getName();
            if (!n.equals("source") && !n.equals("currency") && !given(FactTypes.get(earlier, c)) && given(FactTypes.get(later, c))) {
                out.add(n);
            }
        }
        return out;
    }

    /** The earlier fact with the fields only the later one gives; where it was read stays the earlier's. */
    private static Fact combined(Fact earlier, Fact later) {
        RecordComponent[] cs = earlier.getClass().getRecordComponents();
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            Object v = FactTypes.get(earlier, cs[i]);
            args[i] = given(v) || cs[i].getName().equals("provenance") ? v : FactTypes.get(later, cs[i]);
        }
        try {
            return (Fact) FactTypes.canonicalConstructor(earlier.getClass()).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordComponent component(Fact f, String name) {
        for (RecordComponent c : FactTypes.inputFields(f.getClass())) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The key fields that are given, e.g. {@code (id 'x', borrower 'beignet')}. */
    private static String describe(Fact f) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : FactTypes.inputFields(f.getClass())) {
            if (c.isAnnotationPresent(org.offbook.model.Key.class)) {
                Object v = FactTypes.get(f, c);
                if (v != null) {
                    parts.add(c.getName() + " " + shown(v));
                }
            }
        }
        return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
    }

    private static String shown(Object v) {
        String text = v instanceof org.offbook.model.Money m ? m.display() : String.valueOf(v);
        return v == null ? "none" : "'" + Binder.shown(text) + "'";
    }
}
