package org.offbook.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The entities among loaded facts, by id: the one place the id-to-entity and id-to-name maps are built. */
public final class Entities {

    private Entities() {
    }

    /** Every {@link Entity} among {@code facts} by id, in id order (a later one with the same id wins). */
    public static Map<String, Entity> byId(Collection<?> facts) {
        Map<String, Entity> out = new TreeMap<>();
        for (Object f : facts) {
            if (f instanceof Entity e) {
                out.put(e.id(), e);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The names of the entities among {@code facts} by id, in id order. */
    public static Map<String, String> names(Collection<?> facts) {
        Map<String, String> out = new TreeMap<>();
        byId(facts).forEach((id, e) -> out.put(id, e.name()));
        return Collections.unmodifiableMap(out);
    }
}
