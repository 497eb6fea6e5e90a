package org.offbook.engine;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;

/**
 * The fact classes a rule base can match: a class is matched when some pattern of some rule (a
 * plain pattern, a {@code not}, {@code exists}, {@code collect} or {@code accumulate} source) is
 * of that class or of a supertype of it. Drools keeps one object type node per such type. A fact
 * of a class no rule matches cannot change any rule's outcome, so it need not be inserted nor, for
 * a derived fact, computed. When the rule base cannot be inspected every class counts as matched.
 */
final class MatchedTypes implements Predicate<Class<?>> {

    private static final MatchedTypes ALL = new MatchedTypes(null);

    /** The pattern types; null for "every class". */
    private final Set<Class<?>> patternTypes;
    private final Map<Class<?>, Boolean> answers = new ConcurrentHashMap<>();

    private MatchedTypes(Set<Class<?>> patternTypes) {
        this.patternTypes = patternTypes;
    }

    static MatchedTypes of(KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase rb)) {
            return ALL;
        }
        try {
            Set<Class<?>> types = new HashSet<>();
            for (ObjectTypeNode otn : rb.getRete().getObjectTypeNodes()) {
                ObjectType t = otn.getObjectType();
                if (!(t instanceof ClassObjectType c) || c.getClassType() == null) {
                    return ALL; // a type not given by a class (declared or template types): insert everything
                }
                types.add(c.getClassType());
            }
            return new MatchedTypes(types);
        } catch (RuntimeException | LinkageError e) {
            return ALL; // an internal API that changed: fall back to inserting everything
        }
    }

    @Override
    public boolean test(Class<?> type) {
        if (patternTypes == null) {
            return true;
        }
        Boolean known = answers.get(type); // no lambda: this runs once per fact
        if (known != null) {
            return known;
        }
        boolean matched = false;
        for (Class<?> p : patternTypes) {
            matched |= p.isAssignableFrom(type);
        }
        answers.put(type, matched);
        return matched;
    }
}
