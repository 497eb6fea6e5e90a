package org.offbook.findings;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.offbook.model.Money;
import org.offbook.model.Numbers;
import org.offbook.engine.Placeholders;

/**
 * Fills a rule's message template with figures: {@code {name}}, {@code {name.property}} and
 * {@code {name.property|format}}. Names are the rule's bindings without the leading {@code $}
 * ({@code $stake} is {@code {stake}}) and the values the rule adds with {@code .with(name, value)}. Formats:
 * <ul>
 *   <li>{@code pct}: a share as a percentage (0.084 becomes 8.4%)</li>
 *   <li>{@code money}: an amount, scaled (USD 27.3B)</li>
 *   <li>{@code years}: a number of years (4 years)</li>
 *   <li>{@code x}: a ratio as a multiple (9.1x; 0.99x and -0.04x below one)</li>
 *   <li>{@code name}: an entity id as the entity's name</li>
 *   <li>{@code year}: a date's year</li>
 *   <li>{@code list}: a list as "a, b and c"</li>
 * </ul>
 * Unformatted values print naturally (amounts scaled, lists joined). Two opening braces print one.
 * Sections, for wording that depends on the facts: {@code {?name}...{/name}} prints its text when
 * the value is present (not null, not false, not an empty text or list), {@code {!name}...{/name}}
 * when it is not, and {@code {#name}...{/name}} once per item of a list, {@code {name}} inside
 * standing for the item. A section's name may be a path ({@code {?g.beneficiary}}); {@code #} takes
 * a plain name.
 * The template comes from the rule (trusted); values from input are inserted as plain text.
 */
public final class Template {

    private static final Map<String, Method> ACCESSORS = new ConcurrentHashMap<>();

    private Template() {
    }

    /**
     * @param lookup  resolves a top-level name; returns {@link #MISSING} when the name is unknown
     * @param names   entity id to entity name
     * @param unknown receives each reference that could not be resolved
     */
    public static String render(String template, Function<String, Object> lookup, Function<String, String> names, List<String> unknown) {
        StringBuilder out = new StringBuilder();
        render(template, 0, null, lookup, names, unknown, out, new int[] {-1});
        return out.toString();
    }

    /**
     * Renders from {@code i} up to the closing tag of section {@code open} (or the end); returns the
     * index just after that closing tag. {@code valueEnd[0]} is where the last value written ends: a
     * full stop of the template right after a value that ends in one ("Alphabet Inc.") is not doubled.
     */
    private static int render(String template, int i, String open, Function<String, Object> lookup, Function<String, String> names,
                              List<String> unknown, StringBuilder out, int[] valueEnd) {
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            if (c != '{') {
                if (!(c == '.' && out.length() == valueEnd[0] && out.length() > 0 && out.charAt(out.length() - 1) == '.')) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = template.indexOf('}', i);
            if (end < 0) {
                out.append(template, i, template.length());
                return template.length();
            }
            String ref = template.substring(i + 1, end).strip();
            i = end + 1;
            char kind = ref.isEmpty() ? ' ' : ref.charAt(0);
            if (kind == '/') {
                if (ref.substring(1).strip().equals(open)) {
                    return i;
                }
                unknown.add(ref + " (closes no open section)");
                continue;
            }
            if (kind == '?' || kind == '!' || kind == '#') {
                String name = ref.substring(1).strip();
                Object value = value(name, lookup);
                if (value == MISSING) {
                    unknown.add(name);
                }
                boolean present = present(value);
                if (kind == '#' && present && value instanceof Collection<?> items) {
                    int after = i;
                    for (Object item : items) {
                        Function<String, Object> inner = n -> n.equals(name) ? item : lookup.apply(n);
                        after = render(template, i, name, inner, names, unknown, out, valueEnd);
                    }
                    i = after;
                } else if (kind == '#' ? present : (kind == '?') == present) {
                    i = render(template, i, name, lookup, names, unknown, out, valueEnd);
                } else {
                    i = render(template, i, name, lookup, names, new ArrayList<>(), new StringBuilder(), new int[] {-1}); // skipped
                }
                continue;
            }
            out.append(expand(ref, lookup, names, unknown));
            valueEnd[0] = out.length();
        }
        if (open != null) {
            unknown.add("#" + open + " (section not closed with {/" + open + "})");
        }
        return i;
    }

    /** A section is shown when its value is present: not null, not false, not an empty text or list. */
    private static boolean present(Object v) {
        if (v == null || v == MISSING) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof CharSequence cs) {
            return cs.length() > 0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }

    private static Object value(String ref, Function<String, Object> lookup) {
        String[] path = ref.split("\\.");
        Object value = lookup.apply(path[0]);
        for (int k = 1; k < path.length && value != null && value != MISSING; k++) {
            value = property(value, path[k]);
        }
        return value;
    }

    /** Marker for "no such name". */
    public static final Object MISSING = new Object();

    private static String expand(String ref, Function<String, Object> lookup, Function<String, String> names, List<String> unknown) {
        String format = null;
        int bar = ref.indexOf('|');
        if (bar >= 0) {
            format = ref.substring(bar + 1).strip();
            ref = ref.substring(0, bar).strip();
        }
        String[] path = ref.split("\\.");
        Object value = lookup.apply(path[0]);
        if (value == MISSING) {
            unknown.add(ref);
            return "{" + ref + "?}";
        }
        for (int k = 1; k < path.length && value != null; k++) {
            value = property(value, path[k]);
            if (value == MISSING) {
                unknown.add(ref);
                return "{" + ref + "?}";
            }
        }
        try {
            return format(value, format, names);
        } catch (RuntimeException e) {
            unknown.add(ref + "|" + format + " (" + e.getMessage() + ")");
            return "{" + ref + "?}";
        }
    }

    static Object property(Object target, String name) {
        if (target instanceof Map<?, ?> m) {
            return m.containsKey(name) ? m.get(name) : MISSING;
        }
        Method m = ACCESSORS.computeIfAbsent(target.getClass().getName() + "#" + name, k -> Placeholders.accessor(target.getClass(), name));
        if (m == null) {
            return MISSING;
        }
        try {
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            return MISSING;
        }
    }

    static String format(Object v, String format, Function<String, String> names) {
        if (v == null) {
            return "n/a";
        }
        if (format == null) {
            return natural(v, names);
        }
        return switch (format) {
            case "pct" -> percent(number(v));
            case "money" -> ((Money) v).display();
            case "years" -> {
                BigDecimal y = number(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
                yield y.toPlainString() + (y.compareTo(BigDecimal.ONE) == 0 ? " year" : " years");
            }
            case "x" -> multiple(number(v));
            case "name" -> v instanceof Collection<?> c ? joinList(c, x -> names.apply(String.valueOf(x))) : names.apply(String.valueOf(v));
            case "year" -> String.valueOf(((LocalDate) v).getYear());
            case "list" -> joinList((Collection<?>) v, x -> natural(x, names));
            default -> throw new IllegalArgumentException("unknown format '" + format + "'");
        };
    }

    private static String natural(Object v, Function<String, String> names) {
        if (v instanceof Money m) {
            return m.display();
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Collection<?> c) {
            return joinList(c, x -> natural(x, names));
        }
        return String.valueOf(v);
    }

    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new IllegalArgumentException("not a number: " + v);
    }

    /**
     * A multiple: one decimal from 1 up (9.1x); below 1, two decimals cut towards zero (0.999 is
     * 0.99x, -0.04 is -0.04x), so a value under a threshold never prints as equal to it.
     */
    public static String multiple(BigDecimal v) {
        return Numbers.multiple(v);
    }

    /** 0.2 becomes 20%, 0.0842 becomes 8.4%, 0.6612 becomes 66.1%. */
    public static String percent(BigDecimal share) {
        return Numbers.percent(share);
    }

    private static String joinList(Collection<?> items, Function<Object, String> f) {
        List<String> parts = new ArrayList<>();
        for (Object o : items) {
            parts.add(f.apply(o));
        }
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
