package org.offbook.pipeline;

import org.offbook.engine.CompiledRules;
import org.offbook.engine.RuleCompiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.offbook.TestFiles;
import org.offbook.model.Threshold;
import org.offbook.model.RuleInfo;

/**
 * Each rule page (rules/<family>/<ID>.md) is prose around facts the rule itself states: its
 * heading and header table (id, title, family, severity, standards) must say what the rule's
 * descriptor says (family and severity may be followed by words), and its threshold table must
 * list every threshold the rule reads (and may add those its derived facts read), with the values
 * in rules/thresholds.csv. A page that drifts from its rule fails here.
 */
class RulePagesTest {

    private static final Pattern ROW = Pattern.compile("^\\| (id|family|severity|standards) \\| (.*) \\|$", Pattern.MULTILINE);
    private static final Pattern THRESHOLD_ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^ |]+)[^|]* \\|", Pattern.MULTILINE);

    @Test
    void everyPageHeaderAndThresholdTableMatchesItsRule() {
        CompiledRules compiled = RuleCompiler.compile(List.of(ShippedRuleCasesTest.RULES));
        assertEquals(List.of(), compiled.errors());
        Map<String, String> values = new LinkedHashMap<>();
        for (Threshold t : compiled.thresholds()) {
            values.put(t.name(), t.value().toPlainString());
        }
        List<String> drift = new ArrayList<>();
        for (RuleInfo r : compiled.rules()) {
            String page = r.doc();
            String where = r.id() + ".md: ";
            String heading = "# " + r.id() + ": " + r.title();
            if (!page.startsWith(heading + "\n")) {
                drift.add(where + "heading should be '" + heading + "', is '" + page.lines().findFirst().orElse("") + "'");
            }
            Map<String, String> rows = new LinkedHashMap<>();
            Matcher m = ROW.matcher(page);
            while (m.find()) {
                rows.putIfAbsent(m.group(1), m.group(2).strip());
            }
            check(drift, where, "id", rows.get("id"), r.id(), false);
            check(drift, where, "family", rows.get("family"), r.family(), true);
            check(drift, where, "severity", rows.get("severity"), r.severity(), true);
            check(drift, where, "standards", rows.get("standards"), String.join("; ", r.standards()), false);

            Map<String, String> table = new LinkedHashMap<>();
            Matcher t = THRESHOLD_ROW.matcher(section(page, "## Thresholds"));
            while (t.find()) {
                table.put(t.group(1), t.group(2));
            }
            List<String> uses = RuleCompiler.thresholdNames(r);
            if (!table.keySet().containsAll(uses)) {
                drift.add(where + "threshold table lists " + table.keySet() + "; the rule reads " + uses);
            }
            for (String name : table.keySet()) {
                if (!values.containsKey(name) && !name.contains("<")) { // life.argued.<assetClass>: a family of thresholds
                    drift.add(where + "threshold table lists " + name + ", which is not in thresholds.csv");
                }
            }
            table.forEach((name, value) -> {
                String csv = values.get(name);
                if (csv != null && new java.math.BigDecimal(csv).compareTo(new java.math.BigDecimal(value)) != 0) {
                    drift.add(where + "threshold " + name + " is " + value + " on the page, " + csv + " in thresholds.csv");
                }
            });
        }
        assertEquals(List.of(), drift, String.join("\n", drift));
    }

    private static final Pattern EXAMPLE_SOURCE = Pattern.compile("`offbook check ([^`]+)`");
    private static final Pattern TEXT_BLOCK = Pattern.compile("```text\n(.*?)```", Pattern.DOTALL);

    /**
     * A page's example finding is the program's output: its "Example finding" section names the
     * folder each text block comes from ({@code `offbook check <folder>`} before the block) and
     * every line of the block (but lines of "...") is in the text report of that folder.
     */
    @Test
    void everyPageExampleIsTheProgramsOutput() throws Exception {
        CompiledRules compiled = RuleCompiler.compile(List.of(ShippedRuleCasesTest.RULES));
        Map<String, String> outputs = new java.util.HashMap<>();
        List<String> drift = new ArrayList<>();
        for (RuleInfo r : compiled.rules()) {
            String example = section(r.doc(), "## Example finding") + section(r.doc(), "## Example findings");
            Matcher block = TEXT_BLOCK.matcher(example);
            boolean any = false;
            while (block.find()) {
                // each block comes from the folder named last before it
                Matcher source = EXAMPLE_SOURCE.matcher(example.substring(0, block.start()));
                String folder = null;
                while (source.find()) {
                    folder = source.group(1).strip();
                }
                if (folder == null) {
                    continue;
                }
                any = true;
                String output = outputs.computeIfAbsent(folder, f -> {
                    java.io.StringWriter out = new java.io.StringWriter();
                    org.offbook.cli.Main.execute(new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()),
                            "check", f, "--fail-on", "never");
                    return out.toString();
                });
                for (String line : block.group(1).lines().toList()) {
                    if (!line.strip().equals("...") && !line.endsWith("...") && !output.contains(line)) {
                        drift.add(r.id() + ".md: example line not in the output of 'offbook check " + folder + "': " + line);
                    }
                }
            }
            if (!any) {
                drift.add(r.id() + ".md: the Example finding section needs `offbook check <folder>` before a text block");
            }
        }
        assertEquals(List.of(), drift, String.join("\n", drift));
    }

    private static void check(List<String> drift, String where, String row, String page, String rule, boolean prefix) {
        boolean ok = page != null && (prefix ? page.equals(rule) || page.matches(java.util.regex.Pattern.quote(rule) + "[ ,;].*") : page.equals(rule));
        if (!ok) {
            drift.add(where + row + " row should be '" + rule + "'" + (prefix ? " (words may follow)" : "") + ", is '" + page + "'");
        }
    }

    private static String section(String page, String heading) {
        int at = page.indexOf("\n" + heading + "\n");
        if (at < 0) {
            return "";
        }
        int end = page.indexOf("\n## ", at + heading.length() + 2);
        return end < 0 ? page.substring(at) : page.substring(at, end);
    }

    static Path rules() {
        return TestFiles.project("rules");
    }
}
