package org.offbook.load;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Problem;
import org.offbook.model.Ref;

/**
 * Checks that every entity reference names a defined entity (by id, or by an alias, matched
 * without regard to case) and rewrites it to the entity's id, so rules join on ids only.
 * An entity defined twice with the same content is kept once; with different content the later
 * definition is rejected. A fact that names an unknown entity is rejected with the field named.
 */
final class References {

    private References() {
    }

    /** Facts that passed, and identical re-definitions of entities (merged into the first). */
    record Resolved(List<Fact> facts, List<Fact> merged, List<Problem> notices) {
    }

    static Resolved resolve(List<Fact> facts, List<Problem> errors) {
        List<Fact> merged = new ArrayList<>();
        List<Problem> notices = new ArrayList<>();
        Map<String, Entity> byId = new java.util.LinkedHashMap<>();
        Map<String, String> lookup = new HashMap<>();
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            if (f instanceof Entity e) {
                // ids are matched without regard to case, as references are: 'META' is 'meta'
                Entity earlier = byId.get(norm(e.id()));
                if (earlier == null) {
                    byId.put(norm(e.id()), e);
                    out.add(e);
                } else if (!earlier.id().equals(e.id())) {
                    errors.add(Problem.of(e.provenance().file(), e.provenance().line(), "id",
                            "entity id '" + e.id() + "' differs only in case from '" + earlier.id() + "' defined at "
                                    + earlier.provenance() + "; this definition is rejected"));
                } else if (!sameContent(earlier, e)) {
                    errors.add(Problem.of(e.provenance().file(), e.provenance().line(), "id",
                            "entity '" + e.id() + "' is already defined differently at " + earlier.provenance()
                                    + " (name, kind, aliases, cik and lei must match); this definition is rejected"));
                } else {
                    merged.add(e);
                    notices.add(Problem.of(e.provenance().file(), e.provenance().line(), null,
                            "the same entity '" + e.id() + "' as at " + earlier.provenance() + "; counted once"));
                }
            }
        }
        for (Entity e : byId.values()) {
            lookup.put(norm(e.id()), e.id());
        }
        for (Entity e : byId.values()) {
            for (String alias : e.aliases()) {
                String prior = lookup.putIfAbsent(norm(alias), e.id());
                if (prior != null && !prior.equals(e.id())) {
                    errors.add(Problem.of(e.provenance().file(), e.provenance().line(), "aliases",
                            "alias '" + Binder.shown(alias) + "' already names entity '" + prior + "'; ignored for '" + e.id() + "'"));
                }
            }
        }
        for (Fact f : facts) {
            if (f instanceof Entity) {
                continue;
            }
            Fact r = rewrite(f, lookup, errors);
            if (r != null) {
                out.add(r);
            }
        }
        return new Resolved(out, merged, notices);
    }

    /** Two definitions of one entity agree on everything but where they were read and their source. */
    private static boolean sameContent(Entity a, Entity b) {
        return a.name().equals(b.name()) && a.kind().equals(b.kind()) && java.util.Objects.equals(a.cik(), b.cik())
                && java.util.Objects.equals(a.lei(), b.lei()) && new java.util.TreeSet<>(a.aliases()).equals(new java.util.TreeSet<>(b.aliases()));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).strip();
    }

    /** The record components of a fact type and which of them are entity references, read once per type. */
    private record Shape(RecordComponent[] components, int[] refs) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            return new Shape(cs, java.util.stream.IntStream.range(0, cs.length).filter(i -> cs[i].isAnnotationPresent(Ref.class)).toArray());
        }
    };

    private static Fact rewrite(Fact f, Map<String, String> lookup, List<Problem> errors) {
        // only the reference fields are read unless one of them changes: most facts already use ids
        Shape shape = SHAPES.get(f.getClass());
        RecordComponent[] cs = shape.components();
        Object[] changes = null;
        boolean ok = true;
        for (int i : shape.refs()) {
            Object v = FactTypes.get(f, cs[i]);
            if (v == null) {
                continue;
            }
            Object replaced = null;
            if (v instanceof String s) {
                String id = lookup.get(norm(s));
                if (id == null) {
                    ok = false;
                    unknown(f, cs[i].getName(), s, errors);
                } else if (!id.equals(s)) {
                    replaced = id;
                }
            } else if (v instanceof List<?> list) {
                List<String> ids = new ArrayList<>();
                boolean listOk = true;
                for (Object o : list) {
                    String id = lookup.get(norm((String) o));
                    if (id == null) {
                        ok = false;
                        listOk = false;
                        unknown(f, cs[i].getName(), (String) o, errors);
                    }
                    ids.add(id);
                }
                if (listOk && !ids.equals(list)) {
                    replaced = List.copyOf(ids);
                }
            }
            if (replaced != null) {
                if (changes == null) {
                    changes = new Object[cs.length];
                }
                changes[i] = replaced;
            }
        }
        if (!ok) {
            return null;
        }
        if (changes == null) {
            return f;
        }
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            args[i] = changes[i] != null ? changes[i] : FactTypes.get(f, cs[i]);
        }
        try {
            return (Fact) FactTypes.canonicalConstructor(f.getClass()).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unknown(Fact f, String field, String name, List<Problem> errors) {
        errors.add(Problem.of(f.provenance().file(), f.provenance().line(), field,
                "unknown entity '" + Binder.shown(name) + "': no file defines it (add it to an \"entities\" list); fact rejected"));
    }
}
