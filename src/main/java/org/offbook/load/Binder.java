package org.offbook.load;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Problem;
import org.offbook.model.Money;
import org.offbook.model.NonNegative;
import org.offbook.model.OneOf;
import org.offbook.model.Provenance;
import org.offbook.model.Required;
import org.offbook.model.Share;

/**
 * Turns a {@link RawRecord} into a typed fact record, driven by the record's components and their
 * annotations. Every problem becomes a {@link Problem} naming file, line and field; a record
 * with any problem is rejected whole (never half-loaded).
 */
final class Binder {

    /** Fields accepted on every fact and not kept: free text for people. */
    static final Set<String> IGNORED = Set.of("note", "notes");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_DIGITS = 40;
    static final int MAX_TEXT = 10_000;
    private static final BigDecimal MAX_YEARS = BigDecimal.valueOf(1000);

    /** The input field names of each fact type, sorted (for suggestions); read once per type, not per record. */
    private static final ClassValue<Set<String>> KNOWN = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> names = new TreeSet<>();
            FactTypes.inputFields(type).forEach(c -> names.add(c.getName()));
            return java.util.Collections.unmodifiableSet(names);
        }
    };

    private Binder() {
    }

    static <T extends Fact> T bind(Class<T> type, RawRecord raw, String defaultSource, List<Problem> errors) {
        long before = CappedErrors.count(errors);
        List<RecordComponent> fields = FactTypes.inputFields(type);
        Set<String> known = KNOWN.get(type);
        for (String name : raw.fieldNames()) {
            if (!known.contains(name) && !IGNORED.contains(name) && !name.startsWith("x-")) {
                errors.add(Problem.of(raw.file(), raw.lineOf(name), shownName(name),
                        "unknown field for " + FactTypes.nameOf(type) + suggestion(name, known)
                                + " (custom fields must start with 'x-')"));
            }
        }
        String currency = null;
        boolean badCurrency = false;
        if (known.contains("currency")) {
            try {
                currency = raw.text("currency");
                if (currency != null) {
                    Money.checkCurrency(currency);
                }
            } catch (RawRecord.FieldException | IllegalArgumentException e) {
                currency = null; // reported below when the field itself is bound
                badCurrency = true;
            }
        }
        Object[] args = new Object[fields.size() + 1];
        for (int i = 0; i < fields.size(); i++) {
            RecordComponent c = fields.get(i);
            String name = c.getName();
            try {
                Object value = convert(c, raw, currency, badCurrency);
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
                errors.add(Problem.of(raw.file(), raw.lineOf(name), name, shown(e.getMessage(), 1000)));
            }
        }
        if (CappedErrors.count(errors) == before) {
            checkDateOrder(type, fields, args, raw, errors);
        }
        if (CappedErrors.count(errors) > before) {
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

    private static Object convert(RecordComponent c, RawRecord raw, String currency, boolean badCurrency) throws RawRecord.FieldException {
        String name = c.getName();
        Class<?> t = c.getType();
        if (t == List.class) {
            List<String> values = raw.list(name);
            boolean oneLine = oneLine(c);
            for (String v : values) {
                checkText(v, oneLine);
            }
            return values.isEmpty() ? List.of() : List.copyOf(values);
        }
        String text = raw.text(name);
        if (text == null) {
            return null;
        }
        checkText(text, oneLine(c));
        try {
            return convertText(c, text, currency, badCurrency);
        } catch (IllegalArgumentException e) {
            // the message quotes the value: keep it to one short line whatever the value holds
            throw new IllegalArgumentException(e.getMessage().replace(text, shown(text)), null);
        }
    }

    /** Names, identifiers and references are one line: a line break in one would forge a line of the text report. */
    private static boolean oneLine(RecordComponent c) {
        String n = c.getName();
        return c.isAnnotationPresent(org.offbook.model.Ref.class)
                || n.equals("id") || n.equals("name") || n.equals("aliases") || n.equals("cik") || n.equals("lei");
    }

    private static Object convertText(RecordComponent c, String text, String currency, boolean badCurrency) {
        String name = c.getName();
        Class<?> t = c.getType();
        if (t == String.class) {
            return string(c, text);
        }
        if (t == BigDecimal.class) {
            return number(c, text);
        }
        if (t == Money.class) {
            Money m;
            try {
                m = Money.parse(text, currency);
            } catch (IllegalArgumentException e) {
                if (badCurrency && e.getMessage().contains("has no currency code")) {
                    throw new IllegalArgumentException("amount '" + text + "' has no currency code and the fact's 'currency' is not valid");
                }
                throw e;
            }
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
        // BigDecimal reads any Unicode digit ('\u0663' is 3): only ASCII digits are numbers here
        if (!digits.matches("[+-]?[0-9]*\\.?[0-9]*([eE][+-]?[0-9]+)?")) {
            throw new IllegalArgumentException("expected a number, found '" + text + "'");
        }
        try {
            v = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, found '" + text + "'");
        }
        if ((long) v.precision() - v.scale() > MAX_DIGITS || v.scale() > MAX_DIGITS) {
            // 1e999999999 is short to write but no field means it, and arithmetic on it never ends
            throw new IllegalArgumentException("number out of range: '" + text + "' (at most " + MAX_DIGITS
                    + " digits before and after the decimal point)");
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
        if ((c.getName().equals("years") || c.getName().endsWith("Years")) && v.compareTo(MAX_YEARS) > 0) {
            // dates are computed from tenors: a tenor of a billion years is no date at all
            throw new IllegalArgumentException("too large for a number of years: " + text + " (at most " + MAX_YEARS + ")");
        }
        return v.stripTrailingZeros();
    }

    /** ISO dates; a year ("2049") means its last day, a month ("2049-10") its last day. */
    static LocalDate date(String text) {
        // read by hand, not by regular expression: a market has millions of dates
        try {
            if (isYear(text)) {
                return LocalDate.of(digits(text, 0, 4), 12, 31);
            }
            if (isYearMonth(text)) {
                return YearMonth.of(digits(text, 0, 4), digits(text, 5, 7)).atEndOfMonth();
            }
            // only yyyy-mm-dd: LocalDate.parse would also take "+999999999-12-31", a date no arithmetic can go past
            if (text.length() == 10 && text.charAt(7) == '-' && isYearMonth(text.substring(0, 7)) && isDigits(text, 8, 10)) {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            }
        } catch (DateTimeException e) {
            // a month 13 or a 30 February: reported below
        }
        throw new IllegalArgumentException("expected a date like 2025-12-31 (or 2025-12, or 2025), found '" + text + "'");
    }

    /** Four ASCII digits: a year. */
    static boolean isYear(String s) {
        return s.length() == 4 && isDigits(s, 0, 4);
    }

    /** yyyy-mm in ASCII digits. */
    static boolean isYearMonth(String s) {
        return s.length() == 7 && s.charAt(4) == '-' && isDigits(s, 0, 4) && isDigits(s, 5, 7);
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /**
     * A value is at most 10,000 characters of printable text (tabs and line breaks allowed) and valid
     * Unicode, without bidirectional controls (which reorder what a report shows: "USD 27.3B" read as
     * "B3.72 DSU").
     */
    static void checkText(String text) {
        checkText(text, false);
    }

    /** As {@link #checkText(String)}; a name or identifier ({@code oneLine}) may not hold a line break or tab either. */
    static void checkText(String text, boolean oneLine) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("value longer than " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || (ch >= 0x7f && ch < 0xa0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "contains the control character U+%04X; only printable text is accepted", (int) ch));
            }
            if (oneLine && (ch == '\t' || ch == '\n' || ch == '\r' || ch == 0x2028 || ch == 0x2029)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "contains a line break or tab (U+%04X); a name or identifier is one line", (int) ch));
            }
            if ((ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069)) { // embeddings, overrides, isolates (marks such as U+200F are fine)
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "contains the bidirectional control U+%04X, which would reorder the text where it is shown", (int) ch));
            }
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "is not valid Unicode text: unpaired surrogate U+%04X", (int) ch));
            }
        }
    }

    /** Pairs of fields where the second cannot come before the first. */
    private static final List<String[]> DATE_ORDER = List.of(
            new String[] {"start", "end", "a period cannot end before it starts"},
            new String[] {"start", "maturity", "debt cannot mature before it is raised"});

    private static void checkDateOrder(Class<?> type, List<RecordComponent> fields, Object[] args, RawRecord raw,
                                       List<Problem> errors) {
        for (String[] pair : DATE_ORDER) {
            int from = indexOf(fields, pair[0]);
            int to = indexOf(fields, pair[1]);
            if (from < 0 || to < 0 || !(args[from] instanceof LocalDate start) || !(args[to] instanceof LocalDate end)) {
                continue;
            }
            String startText;
            try {
                startText = raw.text(pair[0]);
            } catch (RawRecord.FieldException e) {
                continue;
            }
            // a bare year or month means its last day; as a start it may mean any day of it
            LocalDate earliest = startText != null && isYear(startText) ? start.withDayOfYear(1)
                    : startText != null && isYearMonth(startText) ? start.withDayOfMonth(1) : start;
            if (end.isBefore(earliest)) {
                errors.add(Problem.of(raw.file(), raw.lineOf(pair[1]), pair[1], pair[1] + " " + end + " is before "
                        + pair[0] + " " + shown(startText) + ": " + pair[2]));
            }
        }
    }

    private static int indexOf(List<RecordComponent> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getName().equals(name) && fields.get(i).getType() == LocalDate.class) {
                return i;
            }
        }
        return -1;
    }

    /** A value as quoted in a message: at most 80 characters, on one line, nothing a terminal would act on. */
    static String shown(String text) {
        return shown(text, 80);
    }

    /** A field or column name as named in a message. */
    static String shownName(String name) {
        return shown(name, 100);
    }

    /**
     * Text fit for a one-line message: control characters, unpaired surrogates and bidirectional
     * overrides are written as escapes ({@code \n}, {@code \u001B}), and text beyond {@code max}
     * characters is cut, with "...".
     */
    static String shown(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (sb.length() >= max) {
                sb.append("...");
                break;
            }
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(ch).append(text.charAt(++i));
            } else if (ch == '\n') {
                sb.append("\\n");
            } else if (ch == '\r') {
                sb.append("\\r");
            } else if (ch == '\t') {
                sb.append("\\t");
            } else if (ch < 0x20 || (ch >= 0x7F && ch <= 0x9F) || Character.isSurrogate(ch) || bidiControl(ch)) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Characters that reorder the text around them on screen (embeddings, overrides, isolates). */
    static boolean bidiControl(char ch) {
        return (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069);
    }

    /** A hint for a misspelt field: the known name closest by edit distance, if close. */
    static String suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, name.length() / 3);
        for (String k : known) {
            if (Math.abs(name.length() - k.length()) > limit) {
                continue; // too far apart to suggest, and a long name would make the distance costly
            }
            int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
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
