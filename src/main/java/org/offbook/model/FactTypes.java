package org.offbook.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fact types offbook reads, by the name used in input files: the key of a JSON document's
 * array ({@code "leases": [...]}) and the name of a CSV table ({@code leases.csv}).
 * The order here is the order of the docs and of the JSON Schema.
 */
public final class FactTypes {

    public static final Map<String, Class<? extends Fact>> BY_NAME;

    static {
        Map<String, Class<? extends Fact>> m = new LinkedHashMap<>();
        m.put("entities", Entity.class);
        m.put("statements", Statement.class);
        m.put("usefulLives", UsefulLife.class);
        m.put("stakes", Stake.class);
        m.put("financings", Financing.class);
        m.put("leases", Lease.class);
        m.put("guarantees", Guarantee.class);
        m.put("investments", Investment.class);
        m.put("contracts", Contract.class);
        m.put("backstops", Backstop.class);
        m.put("roles", Role.class);
        m.put("concentrations", Concentration.class);
        m.put("pledges", Pledge.class);
        m.put("warrants", Warrant.class);
        m.put("disclosures", Disclosure.class);
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private FactTypes() {
    }

    /**
     * The record components of each type, read once: {@link Class#getRecordComponents()} builds new
     * component objects on every call, and each parses its annotations again when asked, which made
     * reading and fingerprinting hundreds of thousands of facts spend most of its time in reflection.
     */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static final ClassValue<List<RecordComponent>> INPUT_FIELDS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            List<RecordComponent> out = new ArrayList<>();
            for (RecordComponent c : COMPONENTS.get(type)) {
                if (!c.getName().equals("provenance")) {
                    out.add(c);
                }
            }
            return List.copyOf(out);
        }
    };

    private static final ClassValue<List<RecordComponent>> KEY_FIELDS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            List<RecordComponent> out = new ArrayList<>();
            for (RecordComponent c : COMPONENTS.get(type)) {
                if (c.isAnnotationPresent(Key.class)) {
                    out.add(c);
                }
            }
            return List.copyOf(out);
        }
    };

    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            Class<?>[] params = Arrays.stream(COMPONENTS.get(type)).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(params);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " is not a record", e);
            }
        }
    };

    /** The input fields of a fact type: its record components less {@code provenance} (unmodifiable). */
    public static List<RecordComponent> inputFields(Class<?> type) {
        return INPUT_FIELDS.get(type);
    }

    public static String nameOf(Class<?> type) {
        for (Map.Entry<String, Class<? extends Fact>> e : BY_NAME.entrySet()) {
            if (e.getValue() == type) {
                return e.getKey();
            }
        }
        return type.getSimpleName();
    }

    private static final ClassValue<String> LABELS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        }
    };

    /** A fact's type as one word for people: stake, financing, useful-life (computed once per type). */
    public static String label(Class<?> type) {
        return LABELS.get(type);
    }

    @SuppressWarnings("unchecked")
    public static <T> Constructor<T> canonicalConstructor(Class<T> type) {
        return (Constructor<T>) CONSTRUCTORS.get(type);
    }

    public static Object get(Object record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A stable identity for a fact: its type and the values of its {@link Key} components. It does
     * not depend on file names or line numbers, so editing a file keeps finding fingerprints.
     */
    public static String key(Fact fact) {
        StringBuilder sb = new StringBuilder(nameOf(fact.getClass()));
        for (RecordComponent c : KEY_FIELDS.get(fact.getClass())) {
            Object v = get(fact, c);
            sb.append('|').append(v == null ? "" : v);
        }
        return sb.toString();
    }
}
