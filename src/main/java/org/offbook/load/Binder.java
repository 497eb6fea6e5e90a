package org.offbook.load;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.offbook.facts.Entity;
import org.offbook.facts.Fact;
import org.offbook.facts.FactTypes;
import org.offbook.facts.Money;
import org.offbook.facts.NonNegative;
import org.offbook.facts.OneOf;
import org.offbook.facts.Provenance;
import org.offbook.facts.Required;
import org.offbook.facts.Share;

/**
 * Turns a {@link RawRecord} into a typed fact record, driven by the record's components and their
 * annotations. Every problem becomes a {@link LoadError} naming file, line and field; a record
 * with any problem is rejected whole (never half-loaded).
 */
final class Binder {

    /** Fields accepted on every fact and not kept: free text for people. */
    static final Set<String> IGNORED = Set.of("note", "notes");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_DIGITS = 40;

    private Binder() {
    }

    static <T extends Fact> T bind(Class<T> type, RawRecord raw, String defaultSource, List<LoadError> errors) {
        int before = errors.size();
        List<RecordComponent> fields = FactTypes.inputFields(type);
        Set<String> known = new TreeSet<>();
        fields.forEach(c -> known.add(c.getName()));
        for (String name : raw.fieldNames()) {
            if (!known.contains(name) && !IGNORED.contains(name) && !name.startsWith("x-")) {
                errors.add(LoadError.of(raw.file(), raw.lineOf(name), name,
                        "unknown field for " + FactTypes.nameOf(type) + suggestion(name, known)
                                + " (custom fields must start with 'x-')"));
            }
        }
        String currency = null;
        if (known.contains("currency")) {
            try {
                currency = raw.text("currency");
                if (currency != null) {
                    Money.checkCurrency(currency);
                }
            } catch (RawRecord.FieldException | IllegalArgumentException e) {
                currency = null; // reported below when the field itself is bound
            }
        }
        Object[] args = new Object[fields.size() + 1];
        for (int i = 0; i < fields.size(); i++) {
            RecordComponent c = fields.get(i);
            String name = c.getName();
            try {
                Object value = convert(c, raw, currency);
                if (name.equals("source") && value == null) {
                    value = defaultSource;
                }
                if (value == null && (c.isAnnotationPresent(Required.class) || name.equals("source"))) {
                    throw new IllegalArgumentException(name.equals("source")
                            ? "missing: every fact names its source (or the document gives a default \"source\")"
                            : "missing: required for " + FactTypes.nameOf(type));
                }
                args[i] = value;
            } catch (RawRecord.FieldException | IllegalArgumentException e) {
                errors.add(LoadError.of(raw.file(), raw.lineOf(name), name, e.getMessage()));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        args[fields.size()] = new Provenance(raw.file(), raw.line());
        try {
            Constructor<T> ctor = FactTypes.canonicalConstructor(type);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object convert(RecordComponent c, RawRecord raw, String currency) throws RawRecord.FieldException {
        String name = c.getName();
        Class<?> t = c.getType();
        if (t == List.class) {
            List<String> values = raw.list(name);
            for (String v : values) {
                checkLength(v);
            }
            return values.isEmpty() ? List.of() : List.copyOf(values);
        }
        String text = raw.text(name);
        if (text == null) {
            return null;
        }
        checkLength(text);
        if (t == String.class) {
            return string(c, text);
        }
        if (t == BigDecimal.class) {
            return number(c, text);
        }
        if (t == Money.class) {
            Money m = Money.parse(text, currency);
            if (c.isAnnotationPresent(NonNegative.class) && m.amount().signum() < 0) {
                throw new IllegalArgumentException("cannot be negative: " + text);
            }
            if (m.amount().precision() > MAX_DIGITS) {
                throw new IllegalArgumentException("amount too large: " + text);
            }
            return m;
        }
        if (t == LocalDate.class) {
            return date(text);
        }
        if (t == Boolean.class) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> Boolean.TRUE;
                case "false", "no" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("expected true or false, found '" + text + "'");
            };
        }
        throw new IllegalStateException("unsupported field type " + t + " for " + name);
    }

    private static String string(RecordComponent c, String text) {
        OneOf oneOf = c.getAnnotation(OneOf.class);
        if (oneOf != null) {
            String v = text.toLowerCase(Locale.ROOT);
            if (!Arrays.asList(oneOf.value()).contains(v)) {
                throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ", oneOf.value()));
            }
            return v;
        }
        if (c.getName().equals("currency")) {
            return Money.checkCurrency(text);
        }
        if (c.getName().equals("id") && c.getDeclaringRecord() == Entity.class && !ID.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a valid id (letters, digits, '.', '_', '-'; up to 100)");
        }
        return text;
    }

    private static BigDecimal number(RecordComponent c, String text) {
        BigDecimal v;
        boolean percent = text.endsWith("%");
        String digits = percent ? text.substring(0, text.length() - 1).trim() : text;
        if (digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("number too long: " + text.substring(0, 20) + "...");
        }
        try {
            v = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, found '" + text + "'");
        }
        if (percent) {
            if (!c.isAnnotationPresent(Share.class)) {
                throw new IllegalArgumentException("a percentage is only allowed for shares: '" + text + "'");
            }
            v = v.movePointLeft(2);
        }
        if (c.isAnnotationPresent(Share.class) && (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("a share must be between 0 and 1 (or 0% and 100%), found " + text);
        }
        if (c.isAnnotationPresent(NonNegative.class) && v.signum() < 0) {
            throw new IllegalArgumentException("cannot be negative: " + text);
        }
        return v.stripTrailingZeros();
    }

    /** ISO dates; a year ("2049") means its last day, a month ("2049-10") its last day. */
    static LocalDate date(String text) {
        try {
            if (text.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(text), 12, 31);
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(text).atEndOfMonth();
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date like 2025-12-31 (or 2025-12, or 2025), found '" + text + "'");
        }
    }

    private static void checkLength(String text) {
        if (text.length() > 10_000) {
            throw new IllegalArgumentException("value longer than 10000 characters");
        }
    }

    /** A hint for a misspelt field: the known name closest by edit distance, if close. */
    static String suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    static List<String> copy(List<String> in) {
        return new ArrayList<>(in);
    }
}
