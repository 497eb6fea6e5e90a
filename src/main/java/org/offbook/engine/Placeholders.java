package org.offbook.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The placeholder syntax of a rule's messages, {@code {name.property|format}}: declared with the
 * rule, checked here when the rules are compiled ({@link MessageCheck}), filled by
 * {@code findings.Template} when a finding is built.
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** One placeholder of a template: {@code {name.path|format}} at {@code offset} in the template text. */
    public record Ref(String name, List<String> path, String format, int offset, String text) {

        /** ' ' for a value, '?' '!' '#' for a section's opening tag, '/' for its closing tag. */
        public char kind() {
            char c = text.isEmpty() ? ' ' : text.charAt(0);
            return c == '?' || c == '!' || c == '#' || c == '/' ? c : ' ';
        }
    }

    /** The formats a placeholder may name after its bar. */
    public static final List<String> FORMATS = List.of("pct", "money", "years", "x", "name", "year", "list");

    /**
     * The placeholders of a template, in order, parsed exactly as {@code findings.Template} renders them
     * (<code>{{</code> is a literal brace, not a placeholder); used to check a rule's declared messages
     * before it runs.
     */
    public static List<Ref> references(String template) {
        List<Ref> refs = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                i += 2;
                continue;
            }
            if (c != '{') {
                i++;
                continue;
            }
            int end = template.indexOf('}', i);
            if (end < 0) {
                break;
            }
            String ref = template.substring(i + 1, end).strip();
            String format = null;
            int bar = ref.indexOf('|');
            String path = ref.isEmpty() || "?!#/".indexOf(ref.charAt(0)) < 0 ? ref : ref.substring(1).strip();
            if (bar >= 0) {
                format = ref.substring(bar + 1).strip();
                path = ref.substring(0, bar).strip();
            }
            String[] parts = path.split("\\.", -1);
            refs.add(new Ref(parts[0], List.of(parts).subList(1, parts.length), format, i, ref));
            i = end + 1;
        }
        return refs;
    }

    /** The accessor a placeholder's property step calls ({@code name()}, {@code getName()} or {@code isName()}); null when there is none. */
    public static Method accessor(Class<?> type, String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {name, "get" + cap, "is" + cap}) {
            try {
                Method m = type.getMethod(candidate);
                if (m.getParameterCount() == 0 && m.getReturnType() != void.class) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }
}
