package org.offbook.engine;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.offbook.model.Money;

import org.offbook.model.Problem;
import org.offbook.model.RuleMessages;

/**
 * Checks a rule's declared messages before it runs: every placeholder {@code {name.path|format}}
 * names a binding of the rule (its LHS declaration, without the {@code $}) or a value the rule
 * declares in {@code @values}; each property step exists on the bound type (by reflection); the
 * format is one of {@link Placeholders#FORMATS} and fits the value's type. A consequence that supplies
 * a value with {@code .with("name", ...)} must declare it. Problems come at the file and line of
 * the placeholder.
 */
final class MessageCheck {

    private static final Pattern WITH = Pattern.compile("\\.with\\(\\s*\"([^\"]*)\"\\s*,");
    /** A template passed at run time, the form rules had before declared messages. */
    private static final Pattern OLD_FORM = Pattern.compile("\\.(explain|why|procedure)\\s*\\(");
    private static final Pattern OLD_GLOBAL = Pattern.compile("global\\s+org\\.offbook\\.findings\\.Findings\\b");
    private static final Pattern REPORTS = Pattern.compile("\\bfindings\\s*\\.\\s*report\\s*\\(");

    /**
     * Rules written in the old form, found in a DRL file's text before it is compiled: the
     * consequence passes its messages at run time ({@code .explain("...")}, {@code .why},
     * {@code .procedure}) or the file declares the old global type. Each is reported at its line and
     * column with how to port it; a file with any is left out (the other rule files still run).
     * Comments and string literals are not searched.
     */
    static List<Problem> oldForm(String file, String text) {
        List<Problem> out = new ArrayList<>();
        String code = codeOnly(text);
        String port = " (docs/writing-rules.md, \"Porting a rule written in the old form\"); file left out (the other rule files still run)";
        Matcher g = OLD_GLOBAL.matcher(code);
        while (g.find()) {
            int[] at = position(code, g.start());
            out.add(new Problem(file, at[0], at[1], null, "the global 'org.offbook.findings.Findings' is the old form, no longer "
                    + "supported: declare 'global org.offbook.engine.Reporter findings;'" + port));
        }
        Matcher m = OLD_FORM.matcher(code);
        while (m.find()) {
            int[] at = position(code, m.start());
            out.add(new Problem(file, at[0], at[1], null, "." + m.group(1) + "(...) in a consequence is the old form, no longer "
                    + "supported: declare the text as @" + m.group(1) + "(\"...\") beside the rule's metadata and supply values "
                    + "with .with(name, value), declared in @values" + port));
        }
        return out;
    }

    /** The text with comments and string literals blanked (line breaks kept), so positions stay the same. */
    static String codeOnly(String text) {
        StringBuilder b = new StringBuilder(text);
        int i = 0;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < b.length() && b.charAt(j) != '"' && b.charAt(j) != '\n') {
                    j += b.charAt(j) == '\\' ? 2 : 1;
                }
                blank(b, i + 1, Math.min(j, b.length()));
                i = j + 1;
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/') {
                int j = b.indexOf("\n", i);
                j = j < 0 ? b.length() : j;
                blank(b, i, j);
                i = j;
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                int j = b.indexOf("*/", i + 2);
                j = j < 0 ? b.length() : j + 2;
                blank(b, i, j);
                i = j;
            } else {
                i++;
            }
        }
        return b.toString();
    }

    private static void blank(StringBuilder b, int from, int to) {
        for (int k = from; k < to && k < b.length(); k++) {
            if (b.charAt(k) != '\n') {
                b.setCharAt(k, ' ');
            }
        }
    }

    /** 1-based line and column of an offset. */
    private static int[] position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private MessageCheck() {
    }

    /**
     * The built-in value every message may use: true when the finding's subject reports under IFRS
     * ({@code {?ifrs}...{/ifrs}} for its IFRS citations, {@code {!ifrs}...{/ifrs}} for US GAAP).
     */
    public static final String IFRS = "ifrs";

    /**
     * @param bindings the rule's declarations by name (without {@code $}) and bound type
     * @param ruleText the rule's DRL text from its {@code rule} line to its {@code end}
     * @param firstLine the line of the rule in its file (1-based)
     */
    static List<Problem> check(String ruleName, RuleMessages messages, Map<String, Class<?>> bindings, String file,
                                 String ruleText, int firstLine) {
        List<Problem> out = new ArrayList<>();
        Set<String> supplied = new LinkedHashSet<>(messages.values());
        supplied.add(IFRS); // built in: true when the finding's subject reports under IFRS
        for (String v : messages.values()) {
            if (bindings.containsKey(v)) {
                out.add(error(file, firstLine, ruleText, "@values", ruleName, "'" + v + "' in @values is already a binding of the rule"));
            }
        }
        if (messages.explain() == null) {
            Matcher r = REPORTS.matcher(codeOnly(ruleText));
            if (r.find()) {
                out.add(error(file, firstLine, ruleText, ruleText.substring(r.start(), r.end()), ruleName,
                        "reports findings but declares no @explain(\"...\"): declare the explanation beside the rule's metadata"));
            }
        }
        for (String key : RuleMessages.KEYS) {
            String template = messages.get(key);
            if (template == null) {
                continue;
            }
            java.util.Deque<Placeholders.Ref> open = new java.util.ArrayDeque<>();
            for (Placeholders.Ref ref : Placeholders.references(template)) {
                String problem;
                String path = ref.text().substring(ref.kind() == ' ' ? 0 : 1).strip();
                if (ref.kind() == '/') {
                    Placeholders.Ref top = open.poll();
                    problem = top != null && top.text().substring(1).strip().equals(path) ? null
                            : "closes " + (top == null ? "no open section" : "section {" + top.text() + "}; close that first");
                } else {
                    if (ref.kind() != ' ') {
                        open.push(ref);
                    }
                    boolean item = open.stream().anyMatch(o -> o.kind() == '#' && o != ref && o.name().equals(ref.name()));
                    problem = ref.kind() == '#' && !ref.path().isEmpty() ? "a {#...} section takes a plain name"
                            : item ? null // an item of a list: its type is not known here
                            : problem(ref, bindings, supplied);
                }
                if (problem != null) {
                    out.add(error(file, firstLine, ruleText, "{" + ref.text(), ruleName, "@" + key + " placeholder {" + ref.text() + "}: " + problem));
                }
            }
            for (Placeholders.Ref o : open) {
                out.add(error(file, firstLine, ruleText, "{" + o.text(), ruleName, "@" + key + " section {" + o.text() + "} is not closed with {/"
                        + o.text().substring(1).strip() + "}"));
            }
        }
        if (messages != RuleMessages.NONE) {
            Matcher m = WITH.matcher(ruleText);
            while (m.find()) {
                if (!supplied.contains(m.group(1))) {
                    out.add(error(file, firstLine, ruleText, m.group(), ruleName, ".with(\"" + m.group(1)
                            + "\", ...) supplies a value not declared in @values(\"...\")"));
                }
            }
        }
        return out;
    }

    private static String problem(Placeholders.Ref ref, Map<String, Class<?>> bindings, Set<String> supplied) {
        Class<?> type;
        if (bindings.containsKey(ref.name())) {
            type = bindings.get(ref.name());
        } else if (supplied.contains(ref.name())) {
            type = null; // supplied at run time: its type is not known here
        } else {
            List<String> known = new ArrayList<>(new java.util.TreeSet<>(bindings.keySet()));
            known.addAll(supplied);
            return "unknown name '" + ref.name() + "' (the rule binds " + String.join(", ", known.stream().map(k -> supplied.contains(k) ? k : "$" + k).toList())
                    + "; declare a value the consequence supplies in @values)";
        }
        String path = ref.name();
        for (String step : ref.path()) {
            if (type == null || type == Object.class) {
                type = null;
                break;
            }
            if (Map.class.isAssignableFrom(type)) {
                type = null; // keys are data
                break;
            }
            Method m = Placeholders.accessor(type, step);
            if (m == null) {
                return type.getSimpleName() + " " + path + " has no property '" + step + "'";
            }
            type = m.getReturnType();
            path = path + "." + step;
        }
        if (ref.format() == null) {
            return null;
        }
        if (!Placeholders.FORMATS.contains(ref.format())) {
            return "unknown format '" + ref.format() + "' (formats: " + String.join(", ", Placeholders.FORMATS) + ")";
        }
        if (type == null || type == Object.class) {
            return null;
        }
        Class<?> boxed = box(type);
        boolean fits = switch (ref.format()) {
            case "pct", "x", "years" -> Number.class.isAssignableFrom(boxed);
            case "money" -> Money.class.isAssignableFrom(boxed);
            case "year" -> LocalDate.class.isAssignableFrom(boxed);
            case "list" -> Collection.class.isAssignableFrom(boxed);
            case "name" -> boxed == String.class || Collection.class.isAssignableFrom(boxed);
            default -> true;
        };
        return fits ? null : "format '" + ref.format() + "' does not fit " + path + ", a " + type.getSimpleName();
    }

    private static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        return t == boolean.class ? Boolean.class : t == char.class ? Character.class : t == void.class ? Void.class : BigDecimal.class;
    }

    private static Problem error(String file, int firstLine, String ruleText, String needle, String ruleName, String message) {
        int at = ruleText.indexOf(needle);
        int line = firstLine;
        int column = 0;
        if (at >= 0) {
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (ruleText.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            column = at - lineStart + 1;
        }
        return new Problem(file, line, column, null, "rule '" + ruleName + "': " + message + "; rule not loaded");
    }
}
