package org.offbook.reports;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The report formats by name, as used by {@code --format} and {@code --report FORMAT=FILE}. */
public final class Formats {

    private static final Map<String, Supplier<Renderer>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("text", TextReport::new);
        ALL.put("json", JsonReport::new);
        ALL.put("csv", CsvReport::new);
        ALL.put("csv-bom", () -> new CsvReport(true));
        ALL.put("sarif", SarifReport::new);
        ALL.put("junit", JunitReport::new);
        ALL.put("html", HtmlReport::new);
        ALL.put("github", GithubReport::new);
        ALL.put("markdown", MarkdownSummary::new);
        ALL.put("gitlab", GitlabReport::new);
        ALL.put("xlsx", XlsxReport::new);
    }

    private Formats() {
    }

    public static Iterable<String> names() {
        return ALL.keySet();
    }

    /** The renderer for a format name; null when there is no such format. */
    public static Renderer get(String name) {
        Supplier<Renderer> s = ALL.get(name.toLowerCase(Locale.ROOT));
        return s == null ? null : s.get();
    }
}
