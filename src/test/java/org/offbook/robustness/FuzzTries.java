package org.offbook.robustness;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a longer fuzzing run raise the number of tries without editing the tests:
 * {@code ./mvnw test -Dtest='LoaderFuzzTest' -Doffbook.fuzz.tries=100000} (see docs/security.md).
 * Without the property each property keeps the tries it declares, a budget for the normal suite.
 */
public final class FuzzTries implements AroundPropertyHook {

    static final String PROPERTY = "offbook.fuzz.tries";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger(PROPERTY);
        if (tries != null && tries > 0) {
            context.attributes().setTries(tries);
        }
        return property.execute();
    }
}
