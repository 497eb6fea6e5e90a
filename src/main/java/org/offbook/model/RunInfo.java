package org.offbook.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What identifies a run in a workpaper: the engagement (or title), the as-of date and the preparer
 * as the user gave them, the version of the rule pack (a SHA-256 of its files) and of each rule (a
 * SHA-256 of its DRL file), and the documentation address when one was given. Nothing here is read
 * from the clock: the same inputs and options give the same report bytes.
 *
 * @param title        engagement or report title ({@code --title}/{@code --engagement}), null when not given
 * @param asOf         the date the analysis is as of ({@code --as-of}), null when not given
 * @param preparer     who prepared the run ({@code --preparer}), null when not given
 * @param docsUrl      absolute base address of the rule documentation ({@code --docs-url} or the build's
 *                     {@code offbook.docs.url}), null when none
 * @param rulePack     {@code sha256:<hex>} of the rule folders' files, null when not computed
 * @param ruleVersions rule id to the first 12 hex digits of the SHA-256 of its DRL file
 */
public record RunInfo(String title, LocalDate asOf, String preparer, String docsUrl, String rulePack,
                      Map<String, String> ruleVersions) {

    /** No metadata (tests and tools that render a report without a run). */
    public static final RunInfo NONE = new RunInfo(null, null, null, null, null, Map.of());

    public RunInfo {
        title = blankToNull(title);
        preparer = blankToNull(preparer);
        docsUrl = blankToNull(docsUrl);
        ruleVersions = ruleVersions == null ? Map.of() : Map.copyOf(new TreeMap<>(ruleVersions));
    }

    /** A rule's version, or null when unknown. */
    public String ruleVersion(String ruleId) {
        return ruleVersions.get(ruleId);
    }

    /** The as-of date as ISO text, or null. */
    public String asOfText() {
        return asOf == null ? null : asOf.toString();
    }

    /**
     * The SARIF {@code automationDetails.id}: {@code <title>/<as-of>} (category, then instance), with
     * a '/' in the title replaced so that the category stays one component; null when neither is given.
     */
    public String automationId() {
        if (title == null && asOf == null) {
            return null;
        }
        String category = title == null ? "offbook" : title.replace('/', '-');
        return category + "/" + (asOf == null ? "" : asOf.toString());
    }

    public RunInfo withRules(String pack, Map<String, String> versions) {
        return new RunInfo(title, asOf, preparer, docsUrl, pack, versions);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
