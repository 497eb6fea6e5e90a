package org.offbook.load;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.offbook.facts.Entity;
import org.offbook.facts.Fact;
import org.offbook.facts.FactTypes;

/**
 * The same fact read twice is one fact (docs/filing-format.md, "count as the same fact"): two
 * facts of one type whose {@link org.offbook.facts.Key} fields are all equal (after entity
 * references are resolved to ids) are one fact. When they also agree on every other field (their
 * {@code source} wording and default {@code currency} aside) the later one is merged into the
 * first and a notice names both places; when they disagree, the later one is rejected with an
 * error naming both places and the fields that differ, so that no amount is counted twice and no
 * figure is silently chosen. Entities are merged by {@link References}.
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
    static Result merge(List<Fact> facts, List<LoadError> errors, List<LoadError> notices) {
        Map<String, Fact> first = new HashMap<>();
        List<Fact> out = new ArrayList<>(facts.size());
        List<Fact> merged = new ArrayList<>();
        List<Fact> rejected = new ArrayList<>();
        for (Fact f : facts) {
            if (f instanceof Entity) {
                out.add(f);
                continue;
            }
            String key = FactTypes.key(f);
            Fact earlier = first.putIfAbsent(key, f);
            if (earlier == null) {
                out.add(f);
                continue;
            }
            List<String> differ = differences(earlier, f);
            String what = FactTypes.label(f.getClass()) + " " + describe(f);
            if (differ.isEmpty()) {
                merged.add(f);
                notices.add(LoadError.of(f.provenance().file(), f.provenance().line(), null,
                        "the same " + what + " as at " + earlier.provenance() + "; counted once"));
            } else {
                rejected.add(f);
                errors.add(LoadError.of(f.provenance().file(), f.provenance().line(), differ.get(0),
                        "duplicate " + what + ": the same key as at " + earlier.provenance() + " but different "
                                + String.join(", ", differ.stream().map(d -> d + " (" + shown(FactTypes.get(earlier, component(f, d)))
                                        + " there, " + shown(FactTypes.get(f, component(f, d))) + " here)").toList())
                                + "; this one is rejected (give the facts different ids if they are different facts)"));
            }
        }
        return new Result(out, merged, rejected);
    }

    /** The fields other than source, currency and provenance on which two facts differ. */
    private static List<String> differences(Fact a, Fact b) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : FactTypes.inputFields(a.getClass())) {
            String n = c.getName();
            if (n.equals("source") || n.equals("currency")) {
                continue;
            }
            if (!Objects.equals(FactTypes.get(a, c), FactTypes.get(b, c))) {
                out.add(n);
            }
        }
        return out;
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
            if (c.isAnnotationPresent(org.offbook.facts.Key.class)) {
                Object v = FactTypes.get(f, c);
                if (v != null) {
                    parts.add(c.getName() + " " + shown(v));
                }
            }
        }
        return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
    }

    private static String shown(Object v) {
        String text = v instanceof org.offbook.facts.Money m ? m.display() : String.valueOf(v);
        return v == null ? "none" : "'" + Binder.shown(text) + "'";
    }
}
