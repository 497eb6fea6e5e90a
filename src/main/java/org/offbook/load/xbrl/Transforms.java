package org.offbook.load.xbrl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline XBRL transformations met in SEC filings: the XBRL transformation registries 3 and 4
 * ({@code ixt:}) and the SEC's registry ({@code ixt-sec:}). Each turns the text shown in the
 * document into the fact's XBRL value; a value a transform does not accept, or a transform not
 * known here, is an error for that fact.
 */
final class Transforms {

    static final String IXT_TR4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12";
    static final String IXT_TR3 = "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26";
    static final String IXT_SEC = "http://www.sec.gov/inlineXBRL/transformation/2015-08-31";

    /** A value the transform does not accept, or an unknown transform. */
    static final class TransformException extends Exception {
        TransformException(String message) {
            super(message);
        }
    }

    private Transforms() {
    }

    private static final Pattern NUM_DOT_DECIMAL = Pattern.compile("[0-9]{1,3}(?:[ \u00A0,]?[0-9]{3})*(?:\\.[0-9]*)?|\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?");
    private static final Pattern NUM_COMMA_DECIMAL = Pattern.compile("[0-9]{1,3}(?:[ \u00A0.]?[0-9]{3})*(?:,[0-9]*)?|,[0-9]+|[0-9]+(?:,[0-9]*)?");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern DURATION_NUMBER = Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("([A-Za-z]+)[^0-9A-Za-z]*([0-9]{1,2})(?:st|nd|rd|th)?[^0-9A-Za-z]+([0-9]{4}|[0-9]{2})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("([0-9]{1,2})[^0-9A-Za-z]+([A-Za-z]+)[^0-9A-Za-z]+([0-9]{4}|[0-9]{2})");
    private static final Pattern MONTH_DAY = Pattern.compile("([A-Za-z]+)[^0-9A-Za-z]*([0-9]{1,2})(?:st|nd|rd|th)?");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]+)[^0-9A-Za-z]+([0-9]{4}|[0-9]{2})");
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})");
    private static final Pattern MONTH_DAY_YEAR_NUM = Pattern.compile("([0-9]{1,2})[^0-9]+([0-9]{1,2})[^0-9]+([0-9]{4}|[0-9]{2})");

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, Long> WORDS = new HashMap<>();
    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L,
            "billion", 1_000_000_000L, "trillion", 1_000_000_000_000L);
    private static final Map<String, String> STATES = new HashMap<>();

    static {
        String[] m = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};
        for (int i = 0; i < m.length; i++) {
            MONTHS.put(m[i], i + 1);
            MONTHS.put(m[i].substring(0, 3), i + 1);
        }
        MONTHS.put("sept", 9);
        String[] units = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < units.length; i++) {
            WORDS.put(units[i], (long) i);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            WORDS.put(tens[i], (long) (i + 2) * 10);
        }
        WORDS.put("no", 0L);
        WORDS.put("none", 0L);
        WORDS.put("a", 1L);
        WORDS.put("an", 1L);
        String states = "Alabama=AL,Alaska=AK,Arizona=AZ,Arkansas=AR,California=CA,Colorado=CO,Connecticut=CT,Delaware=DE,"
                + "District of Columbia=DC,Florida=FL,Georgia=GA,Hawaii=HI,Idaho=ID,Illinois=IL,Indiana=IN,Iowa=IA,Kansas=KS,"
                + "Kentucky=KY,Louisiana=LA,Maine=ME,Maryland=MD,Massachusetts=MA,Michigan=MI,Minnesota=MN,Mississippi=MS,"
                + "Missouri=MO,Montana=MT,Nebraska=NE,Nevada=NV,New Hampshire=NH,New Jersey=NJ,New Mexico=NM,New York=NY,"
                + "North Carolina=NC,North Dakota=ND,Ohio=OH,Oklahoma=OK,Oregon=OR,Pennsylvania=PA,Rhode Island=RI,"
                + "South Carolina=SC,South Dakota=SD,Tennessee=TN,Texas=TX,Utah=UT,Vermont=VT,Virginia=VA,Washington=WA,"
                + "West Virginia=WV,Wisconsin=WI,Wyoming=WY,Puerto Rico=PR,Guam=GU,Virgin Islands=VI,American Samoa=AS";
        for (String pair : states.split(",")) {
            String[] kv = pair.split("=");
            STATES.put(kv[0].toUpperCase(Locale.ROOT), kv[1]);
        }
    }

    /**
     * Applies a transform to the text shown.
     *
     * @return the XBRL lexical value: a decimal, a date, a duration, true/false, or text
     */
    static String apply(String namespace, String name, String shown) throws TransformException {
        String s = collapse(shown);
        boolean ixt = IXT_TR4.equals(namespace) || IXT_TR3.equals(namespace);
        boolean sec = IXT_SEC.equals(namespace);
        if (ixt) {
            switch (name) {
                case "num-dot-decimal":
                    return number(s, NUM_DOT_DECIMAL, ',', '.', name);
                case "num-comma-decimal":
                    return number(s, NUM_COMMA_DECIMAL, '.', ',', name);
                case "fixed-zero":
                    return "0";
                case "fixed-empty":
                    return "";
                case "fixed-true":
                    return "true";
                case "fixed-false":
                    return "false";
                case "date-monthname-day-year-en":
                    return monthDayYear(s, name);
                case "date-day-monthname-year-en":
                    return dayMonthYear(s, name);
                case "date-monthname-day-en":
                    return monthDay(s, name);
                case "date-monthname-year-en":
                    return monthYear(s, name);
                case "date-year-month-day":
                    return yearMonthDay(s, name);
                case "date-month-day-year":
                    return numericMonthDayYear(s, name);
                default:
                    break;
            }
        } else if (sec) {
            switch (name) {
                case "numwordsen":
                    return numberWords(s, name);
                case "duryear":
                    return durationNumber(s, 'Y', name);
                case "durmonth":
                    return durationNumber(s, 'M', name);
                case "durday":
                    return durationNumber(s, 'D', name);
                case "durweek":
                    return durationWeeks(s, name);
                case "durwordsen":
                    return durationWords(s, name);
                case "boolballotbox":
                    return ballotBox(s, name);
                case "stateprovnameen":
                    return state(s, name);
                case "exchnameen":
                case "entityfilercategoryen":
                    if (s.isEmpty()) {
                        throw new TransformException("empty value for " + name);
                    }
                    return s;
                default:
                    break;
            }
        }
        throw new TransformException("unknown transform " + name + " (namespace " + namespace + ")");
    }

    /** White space runs to one space, trimmed (non-breaking spaces count as white space). */
    static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A plain xs:decimal (no format): white space trimmed, nothing else accepted. */
    static String plain(String shown) throws TransformException {
        String s = collapse(shown);
        if (!PLAIN_DECIMAL.matcher(s).matches()) {
            throw new TransformException("'" + clip(s) + "' is not a number (no format given)");
        }
        return s.startsWith("+") ? s.substring(1) : s;
    }

    private static String number(String s, Pattern p, char group, char decimal, String name) throws TransformException {
        if (!p.matcher(s).matches()) {
            throw new TransformException("'" + clip(s) + "' is not a number for " + name);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c == decimal) {
                sb.append('.');
            }
        }
        String r = sb.toString();
        if (r.startsWith(".")) {
            r = "0" + r;
        }
        if (r.endsWith(".")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    private static String numberWords(String s, String name) throws TransformException {
        String t = hyphens(s.toLowerCase(Locale.ROOT)).replace(',', ' ').strip();
        if (t.matches("[0-9]+(?:\\.[0-9]+)?")) {
            return t;
        }
        if (t.isEmpty()) {
            throw new TransformException("empty value for " + name);
        }
        long total = 0;
        long current = 0;
        boolean any = false;
        for (String w : t.split(" +")) {
            if (w.equals("and")) {
                continue;
            }
            Long v = WORDS.get(w);
            if (v != null) {
                current += v;
                any = true;
            } else if (w.equals("hundred")) {
                current = (current == 0 ? 1 : current) * 100;
                any = true;
            } else if (SCALES.containsKey(w)) {
                total += (current == 0 ? 1 : current) * SCALES.get(w);
                current = 0;
                any = true;
            } else {
                throw new TransformException("'" + clip(s) + "' is not a number in words for " + name);
            }
        }
        if (!any) {
            throw new TransformException("'" + clip(s) + "' is not a number in words for " + name);
        }
        return Long.toString(total + current);
    }

    /** A number of years, months or days to an xs:duration; fractions spill into months and days (30.4375 days a month), as the SEC registry does. */
    private static String durationNumber(String s, char unit, String name) throws TransformException {
        String t = s.replace(" ", "");
        if (!DURATION_NUMBER.matcher(t).matches()) {
            throw new TransformException("'" + clip(s) + "' is not a number for " + name);
        }
        BigDecimal n = new BigDecimal(t);
        boolean negative = n.signum() < 0;
        n = n.abs();
        long years = 0;
        long months = 0;
        long days = 0;
        BigDecimal monthDays = new BigDecimal("30.4375");
        if (unit == 'Y') {
            years = n.longValue();
            BigDecimal m = n.subtract(BigDecimal.valueOf(years)).multiply(BigDecimal.valueOf(12));
            months = m.longValue();
            days = m.subtract(BigDecimal.valueOf(months)).multiply(monthDays).longValue();
        } else if (unit == 'M') {
            months = n.longValue();
            days = n.subtract(BigDecimal.valueOf(months)).multiply(monthDays).longValue();
        } else {
            days = n.setScale(0, RoundingMode.DOWN).longValue();
        }
        return duration(negative, years, months, days);
    }

    private static String durationWeeks(String s, String name) throws TransformException {
        String t = s.replace(" ", "");
        if (!DURATION_NUMBER.matcher(t).matches()) {
            throw new TransformException("'" + clip(s) + "' is not a number for " + name);
        }
        BigDecimal n = new BigDecimal(t);
        return duration(n.signum() < 0, 0, 0, n.abs().multiply(BigDecimal.valueOf(7)).longValue());
    }

    static String duration(boolean negative, long years, long months, long days) {
        StringBuilder sb = new StringBuilder(negative ? "-P" : "P");
        if (years != 0) {
            sb.append(years).append('Y');
        }
        if (months != 0) {
            sb.append(months).append('M');
        }
        if (days != 0 || (years == 0 && months == 0)) {
            sb.append(days).append('D');
        }
        return sb.toString();
    }

    /** "five years and six months", "one year", "thirty days", "18 months", "one and a half years". */
    private static String durationWords(String s, String name) throws TransformException {
        String t = hyphens(s.toLowerCase(Locale.ROOT)).replace(',', ' ').strip()
                .replaceAll("\\ba half\\b", "half").replaceAll(" +", " ");
        if (t.isEmpty()) {
            throw new TransformException("empty value for " + name);
        }
        BigDecimal years = BigDecimal.ZERO;
        BigDecimal months = BigDecimal.ZERO;
        BigDecimal days = BigDecimal.ZERO;
        StringBuilder words = new StringBuilder();
        boolean half = false;
        boolean anyUnit = false;
        for (String w : t.split(" +")) {
            String unit = w.startsWith("year") ? "Y" : w.startsWith("month") ? "M" : w.startsWith("week") ? "W" : w.startsWith("day") ? "D" : null;
            if (unit == null) {
                if (w.equals("half")) {
                    half = true;
                } else if (!w.equals("and")) {
                    words.append(w).append(' ');
                }
                continue;
            }
            String numberText = words.toString().strip();
            BigDecimal n = numberText.isEmpty() ? (half ? BigDecimal.ZERO : BigDecimal.ONE) : new BigDecimal(numberWords(numberText, name));
            if (half) {
                n = n.add(new BigDecimal("0.5"));
            }
            switch (unit) {
                case "Y" -> years = years.add(n);
                case "M" -> months = months.add(n);
                case "W" -> days = days.add(n.multiply(BigDecimal.valueOf(7)));
                default -> days = days.add(n);
            }
            words.setLength(0);
            half = false;
            anyUnit = true;
        }
        if (!anyUnit || words.length() > 0 || half) {
            throw new TransformException("'" + clip(s) + "' is not a duration in words for " + name);
        }
        // fractions spill downwards as for duryear
        long y = years.longValue();
        BigDecimal m = months.add(years.subtract(BigDecimal.valueOf(y)).multiply(BigDecimal.valueOf(12)));
        long mo = m.longValue();
        BigDecimal d = days.add(m.subtract(BigDecimal.valueOf(mo)).multiply(new BigDecimal("30.4375")));
        return duration(false, y, mo, d.longValue());
    }

    private static String ballotBox(String s, String name) throws TransformException {
        switch (s) {
            case "\u2610":
                return "false";
            case "\u2611":
            case "\u2612":
                return "true";
            default:
                throw new TransformException("'" + clip(s) + "' is not a ballot box (\u2610 \u2611 \u2612) for " + name);
        }
    }

    private static String state(String s, String name) throws TransformException {
        String code = STATES.get(s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip());
        if (code == null) {
            throw new TransformException("'" + clip(s) + "' is not a US state or territory for " + name);
        }
        return code;
    }

    private static int month(String word, String s, String name) throws TransformException {
        Integer m = MONTHS.get(word.toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new TransformException("'" + clip(s) + "' has no month name for " + name);
        }
        return m;
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return y.length() == 2 ? 2000 + v : v;
    }

    private static String date(int y, int m, int d, String s, String name) throws TransformException {
        try {
            return LocalDate.of(y, m, d).toString();
        } catch (DateTimeException e) {
            throw new TransformException("'" + clip(s) + "' is not a valid date for " + name);
        }
    }

    private static String monthDayYear(String s, String name) throws TransformException {
        Matcher m = MONTH_DAY_YEAR.matcher(s);
        if (!m.matches()) {
            throw new TransformException("'" + clip(s) + "' is not a date (month day, year) for " + name);
        }
        return date(year(m.group(3)), month(m.group(1), s, name), Integer.parseInt(m.group(2)), s, name);
    }

    private static String dayMonthYear(String s, String name) throws TransformException {
        Matcher m = DAY_MONTH_YEAR.matcher(s);
        if (!m.matches()) {
            throw new TransformException("'" + clip(s) + "' is not a date (day month year) for " + name);
        }
        return date(year(m.group(3)), month(m.group(2), s, name), Integer.parseInt(m.group(1)), s, name);
    }

    private static String monthDay(String s, String name) throws TransformException {
        Matcher m = MONTH_DAY.matcher(s);
        if (!m.matches()) {
            throw new TransformException("'" + clip(s) + "' is not a month and day for " + name);
        }
        int mo = month(m.group(1), s, name);
        int d = Integer.parseInt(m.group(2));
        date(2000, mo, d, s, name); // a leap year: February 29 is a valid --MM-DD
        return String.format(Locale.ROOT, "--%02d-%02d", mo, d);
    }

    private static String monthYear(String s, String name) throws TransformException {
        Matcher m = MONTH_YEAR.matcher(s);
        if (!m.matches()) {
            throw new TransformException("'" + clip(s) + "' is not a month and year for " + name);
        }
        return String.format(Locale.ROOT, "%04d-%02d", year(m.group(2)), month(m.group(1), s, name));
    }

    private static String yearMonthDay(String s, String name) throws TransformException {
        Matcher m = YEAR_MONTH_DAY.matcher(s);
        if (!m.matches()) {
            throw new TransformException("'" + clip(s) + "' is not a date (year-month-day) for " + name);
        }
        return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), s, name);
    }

    private static String numericMonthDayYear(String s, String name) throws TransformException {
        Matcher m = MONTH_DAY_YEAR_NUM.matcher(s);
        if (!m.matches()) {
            throw new TransformException("'" + clip(s) + "' is not a date (month/day/year) for " + name);
        }
        return date(year(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), s, name);
    }

    /** Hyphens and dashes of every kind (hyphen-minus, U+2010 to U+2015) as spaces: "three-year", "twenty‑five". */
    private static String hyphens(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '-' || (c >= '\u2010' && c <= '\u2015') ? ' ' : c);
        }
        return sb.toString();
    }

    static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
