package org.offbook.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions Maven stamped into {@code offbook.properties}: offbook's, and the Drools it was built with (pom.xml). */
public final class Version {

    private static final String VERSION;
    private static final String DROOLS;

    static {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/offbook.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        VERSION = p.getProperty("version", "unknown");
        DROOLS = p.getProperty("drools", "unknown");
    }

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    /** The Drools version of the build ({@code drools.version} in pom.xml). */
    public static String drools() {
        return DROOLS;
    }
}
