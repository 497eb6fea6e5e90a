package org.offbook.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into {@code offbook.properties}. */
public final class Version {

    private static final String VERSION;

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
    }

    private Version() {
    }

    public static String get() {
        return VERSION;
    }
}
