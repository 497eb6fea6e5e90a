package org.offbook.model;

import java.util.regex.Pattern;

/**
 * Which framework a text cites: US GAAP by its codification (ASC 810-10-25-45, ASU 2016-02) or IFRS
 * by its standards (IFRS 10.B19, IAS 24.18, IFRIC). A finding on an entity cites at least one
 * paragraph of that entity's framework.
 */
public final class Citations {

    private static final Pattern US_GAAP = Pattern.compile("\\bASC \\d{3}|\\bASU \\d{4}");
    private static final Pattern IFRS = Pattern.compile("\\bIFRS \\d|\\bIAS \\d|\\bIFRIC \\d");

    private Citations() {
    }

    public static boolean citesUsGaap(String text) {
        return text != null && US_GAAP.matcher(text).find();
    }

    public static boolean citesIfrs(String text) {
        return text != null && IFRS.matcher(text).find();
    }

    /** True when the text cites a paragraph of the framework: IFRS when {@code ifrs}, else US GAAP. */
    public static boolean citesFramework(String text, boolean ifrs) {
        return ifrs ? citesIfrs(text) : citesUsGaap(text);
    }
}
