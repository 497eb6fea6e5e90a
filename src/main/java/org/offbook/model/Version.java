package org.offbook.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions Maven stamped into {@code offbook.properties}: offbook's, and the Drools it was built with (pom.xml). */
public final class Version {

    private static final String VERSION;
    private static final String DROOLS;
    private static final String DOCS;

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
        String docs = p.getProperty("docs", "").strip();
        DOCS = docs.isEmpty() || docs.startsWith("${") ? null : docs;
    }

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    /** The version without a Maven qualifier: {@code 0.1.0} for {@code 0.1.0-SNAPSHOT}. */
    public static String release() {
        return VERSION.replaceAll("[^0-9.].*$", "");
    }

    /** Whether this is a development build (a Maven {@code -SNAPSHOT}), not a released version. */
    public static boolean development() {
        return VERSION.endsWith("-SNAPSHOT");
    }

    /**
     * The version as reports show it: {@code 0.1.0} for a release, {@code 0.1.0 (development build)}
     * for a {@code -SNAPSHOT} build, so that no workpaper cites a Maven qualifier as a version.
     */
    public static String display() {
        return development() ? release() + " " + DEVELOPMENT : VERSION;
    }

    /** What {@link #display()} adds to the version of a development build. */
    public static final String DEVELOPMENT = "(development build)";

    /** The absolute base address of the rule pages set in the build ({@code offbook.docs.url}), or null. */
    public static String docsUrl() {
        return DOCS;
    }

    /** The Drools version of the build ({@code drools.version} in pom.xml). */
    public static String drools() {
        return DROOLS;
    }
}
