package org.offbook.prepare;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.offbook.model.Derived;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Ref;

/**
 * Splits the facts of a run into partitions that can be evaluated in separate rule sessions with
 * the same findings as one session over everything (docs/scale.md, "The partition key").
 *
 * <p>The key is the connected component of the link graph: two entities are in one component when
 * any fact names both, through any of its entity references ({@link Ref} fields, single or lists,
 * such as a financing's lenders) or, for an {@link Entity}, its own id. A fact goes with the
 * component of the entities it names; a derived fact with the component of the facts it was
 * computed from ({@link Derived#basis()}). Every rule joins facts through entity ids (a rule
 * that compared two companies sharing no link would see a different market), so no rule match
 * spans two components. Partitions are made of whole components: small ones (a company with its
 * statements only) are batched, in the order they first appear, until a batch holds at least
 * {@code targetFacts} facts; a component larger than that is a partition of its own.
 *
 * <p>When some fact names no entity at all, or a derived fact has no basis or a basis across
 * components (neither happens with the shipped fact types), the whole run is one partition: a
 * fact that cannot be placed is never dropped or guessed.
 */
public final class Partitions {

    private Partitions() {
    }

    /**
     * The partitions, in a stable order (that of the components' first facts); each keeps its facts
     * in input order, then its derived facts in their order.
     *
     * @param components the number of connected components found (before batching)
     * @param largest    the number of objects in the largest partition
     */
    public record Plan(List<List<Object>> partitions, int components, int largest) {
    }

    /** One partition of everything, as a single session would see it. */
    public static Plan single(List<Fact> facts, List<?> derived) {
        List<Object> all = new ArrayList<>(facts.size() + derived.size());
        all.addAll(facts);
        all.addAll(derived);
        return new Plan(List.of(all), 1, all.size());
    }

    /** Partitions of at least {@code targetFacts} objects each (but for the last), made of whole components. */
    public static Plan of(List<Fact> facts, List<?> derived, int targetFacts) {
        if (facts.isEmpty()) {
            return single(facts, derived); // one session, as for any input: a rule over thresholds alone still runs once
        }
        UnionFind uf = new UnionFind();
        int[] first = new int[facts.size()]; // the entity index of each fact, or -1 when it names none
        for (int i = 0; i < facts.size(); i++) {
            first[i] = link(facts.get(i), uf);
            if (first[i] < 0) {
                return single(facts, derived);
            }
        }
        // components in the order their first fact appears
        int[] componentOf = new int[uf.size()];
        java.util.Arrays.fill(componentOf, -1);
        List<Integer> componentSize = new ArrayList<>();
        int[] factComponent = new int[facts.size()];
        for (int i = 0; i < facts.size(); i++) {
            int root = uf.find(first[i]);
            if (componentOf[root] < 0) {
                componentOf[root] = componentSize.size();
                componentSize.add(0);
            }
            factComponent[i] = componentOf[root];
            componentSize.set(factComponent[i], componentSize.get(factComponent[i]) + 1);
        }
        // derived facts go with the component of their basis
        Map<Object, Integer> componentOfFact = new IdentityHashMap<>(facts.size() * 2);
        for (int i = 0; i < facts.size(); i++) {
            componentOfFact.put(facts.get(i), factComponent[i]);
        }
        int[] derivedComponent = new int[derived.size()];
        for (int i = 0; i < derived.size(); i++) {
            int c = -1;
            if (derived.get(i) instanceof Derived d) {
                for (Fact b : d.basis()) {
                    Integer cb = componentOfFact.get(b);
                    if (cb == null || (c >= 0 && cb != c)) {
                        return single(facts, derived);
                    }
                    c = cb;
                }
            }
            if (c < 0) {
                return single(facts, derived);
            }
            derivedComponent[i] = c;
            componentSize.set(c, componentSize.get(c) + 1);
        }
        // whole components batched, in order, to at least targetFacts objects a batch
        int[] batchOf = new int[componentSize.size()];
        List<Integer> batchSize = new ArrayList<>();
        int open = -1;
        for (int c = 0; c < componentSize.size(); c++) {
            if (open < 0 || batchSize.get(open) >= Math.max(1, targetFacts)) {
                open = batchSize.size();
                batchSize.add(0);
            }
            batchOf[c] = open;
            batchSize.set(open, batchSize.get(open) + componentSize.get(c));
        }
        List<List<Object>> out = new ArrayList<>(batchSize.size());
        int largest = 0;
        for (int size : batchSize) {
            out.add(new ArrayList<>(size));
            largest = Math.max(largest, size);
        }
        for (int i = 0; i < facts.size(); i++) {
            out.get(batchOf[factComponent[i]]).add(facts.get(i));
        }
        for (int i = 0; i < derived.size(); i++) {
            out.get(batchOf[derivedComponent[i]]).add(derived.get(i));
        }
        return new Plan(out, componentSize.size(), largest);
    }

    /** Joins the entities {@code f} names; the index of one of them, -1 when it names none. */
    private static int link(Fact f, UnionFind uf) {
        int anchor = -1;
        if (f instanceof Entity e) {
            anchor = uf.id(e.id());
        }
        Shape shape = SHAPES.get(f.getClass());
        for (RecordComponent c : shape.refs()) {
            Object v = FactTypes.get(f, c);
            if (v instanceof String s) {
                anchor = join(uf, anchor, s);
            } else if (v instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof String s) {
                        anchor = join(uf, anchor, s);
                    }
                }
            }
        }
        return anchor;
    }

    private static int join(UnionFind uf, int anchor, String id) {
        int x = uf.id(id);
        if (anchor >= 0) {
            uf.union(anchor, x);
            return anchor;
        }
        return x;
    }

    /** The entity-reference components of a fact type, read once per type. */
    private record Shape(List<RecordComponent> refs) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            List<RecordComponent> refs = new ArrayList<>();
            RecordComponent[] cs = type.getRecordComponents();
            if (cs != null) {
                for (RecordComponent c : cs) {
                    if (c.isAnnotationPresent(Ref.class)) {
                        refs.add(c);
                    }
                }
            }
            return new Shape(List.copyOf(refs));
        }
    };

    /** Union-find over entity ids (path halving, union by size). */
    private static final class UnionFind {
        private final Map<String, Integer> ids = new HashMap<>();
        private int[] parent = new int[1024];
        private int[] size = new int[1024];
        private int n;

        int size() {
            return n;
        }

        int id(String entity) {
            Integer i = ids.get(entity);
            if (i != null) {
                return i;
            }
            if (n == parent.length) {
                parent = java.util.Arrays.copyOf(parent, n * 2);
                size = java.util.Arrays.copyOf(size, n * 2);
            }
            parent[n] = n;
            size[n] = 1;
            ids.put(entity, n);
            return n++;
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
        }
    }
}
