package org.offbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.offbook.model.Version;

/** The Drools version offbook reports and keys its rule cache on comes from the build, and is the one it runs. */
class DroolsVersionTest {

    @Test
    void theVersionStampedByTheBuildIsTheDroolsOnTheClassPath() {
        String drools = Version.drools();
        assertTrue(drools.matches("\\d+\\.\\d+\\.\\d+.*"), drools);
        String jar = KieServices.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(jar.contains("/" + drools + "/") || jar.contains("-" + drools + ".jar"), jar + " is not Drools " + drools);
        assertEquals(drools, RuleBaseCache.DROOLS_VERSION);
    }
}
