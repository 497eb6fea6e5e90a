package org.offbook.load;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.offbook.facts.Entity;
import org.offbook.facts.Fact;
import org.offbook.facts.FactTypes;
import org.offbook.facts.Ref;

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
    record Resolved(List<Fact> facts, List<Fact> merged) {
    }

    static Resolved resolve(List<Fact> facts, List<LoadError> errors) {
        List<Fact> merged = new ArrayList<>();
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
                    errors.add(LoadError.of(e.provenance().file(), e.provenance().line(), "id",
                            "entity id '" + e.id() + "' differs only in case from '" + earlier.id() + "' defined at "
                                    + earlier.provenance() + "; this definition is rejected"));
                } else if (!sameContent(earlier, e)) {
                    errors.add(LoadError.of(e.provenance().file(), e.provenance().line(), "id",
                            "entity '" + e.id() + "' is already defined differently at " + earlier.provenance()
                                    + " (name, kind, aliases, cik and lei must match); this definition is rejected"));
                } else {
                    merged.add(e);
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
                    errors.add(LoadError.of(e.provenance().file(), e.provenance().line(), "aliases",
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
        return new Resolved(out, merged);
    }

    /** Two definitions of one entity agree on everything but where they were read and their source. */
    private static boolean sameContent(Entity a, Entity b) {
        return a.name().equals(b.name()) && a.kind().equals(b.kind()) && java.util.Objects.equals(a.cik(), b.cik())
                && java.util.Objects.equals(a.lei(), b.lei()) && new java.util.TreeSet<>(a.aliases()).equals(new java.util.TreeSet<>(b.aliases()));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).strip();
    }

    private static Fact rewrite(Fact f, Map<String, String> lookup, List<LoadError> errors) {
        RecordComponent[] cs = f.getClass().getRecordComponents();
        Object[] args = new Object[cs.length];
        boolean ok = true;
        boolean changed = false;
        for (int i = 0; i < cs.length; i++) {
            Object v = FactTypes.get(f, cs[i]);
            args[i] = v;
            if (v == null || !cs[i].isAnnotationPresent(Ref.class)) {
                continue;
            }
            if (v instanceof String s) {
                String id = lookup.get(norm(s));
                if (id == null) {
                    ok = false;
                    unknown(f, cs[i].getName(), s, errors);
                } else if (!id.equals(s)) {
                    args[i] = id;
                    changed = true;
                }
            } else if (v instanceof List<?> list) {
                List<String> ids = new ArrayList<>();
                for (Object o : list) {
                    String id = lookup.get(norm((String) o));
                    if (id == null) {
                        ok = false;
                        unknown(f, cs[i].getName(), (String) o, errors);
                    }
                    ids.add(id);
                }
                if (ok && !ids.equals(list)) {
                    args[i] = List.copyOf(ids);
                    changed = true;
                }
            }
        }
        if (!ok) {
            return null;
        }
        if (!changed) {
            return f;
        }
        try {
            return (Fact) FactTypes.canonicalConstructor(f.getClass()).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unknown(Fact f, String field, String name, List<LoadError> errors) {
        errors.add(LoadError.of(f.provenance().file(), f.provenance().line(), field,
                "unknown entity '" + Binder.shown(name) + "': no file defines it (add it to an \"entities\" list); fact rejected"));
    }
}
