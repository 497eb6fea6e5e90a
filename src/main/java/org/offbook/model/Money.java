package org.offbook.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An amount of money in one currency. Written in input files as {@code "USD 27.3B"}: an ISO 4217
 * code, a decimal number and an optional scale suffix K (10^3), M (10^6), B (10^9) or T (10^12).
 * Amounts in different currencies are never added or compared: the arithmetic here returns
 * {@code null} (or throws, for {@link #plus}) when currencies differ.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    private static final Pattern TEXT =
            Pattern.compile("(?:([A-Z]{3})\\s+)?(-?\\d{1,15}(?:\\.\\d{1,12})?)\\s*([KMBT])?");

    /** Amounts are kept without trailing zeros, so equal amounts are equal records whatever their scale. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /**
     * Parses {@code "USD 27.3B"}; when the text has no currency code, {@code defaultCurrency} is
     * used (a fact's own {@code currency} field).
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Money parse(String text, String defaultCurrency) {
        Money fast = parseSimple(text, defaultCurrency);
        return fast != null ? fast : parseByPattern(text, defaultCurrency);
    }

    /**
     * The common forms ("USD 927.132M", "-36.2B", "1500") read by hand, as a market has millions of
     * amounts; null for anything else (spaces around, long numbers, errors), which the pattern reads.
     * Gives exactly what {@link #parseByPattern} gives.
     */
    static Money parseSimple(String text, String defaultCurrency) {
        int n = text.length();
        int i = 0;
        String ccy = defaultCurrency;
        if (n > 4 && isUpper(text.charAt(0)) && isUpper(text.charAt(1)) && isUpper(text.charAt(2)) && text.charAt(3) == ' ') {
            ccy = text.substring(0, 3);
            i = 4;
        }
        if (ccy == null || !KNOWN.contains(ccy)) {
            return null;
        }
        boolean negative = i < n && text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int intDigits = 0;
        int fracDigits = 0;
        for (; i < n && isDigit(text.charAt(i)); i++, intDigits++) {
            unscaled = unscaled * 10 + (text.charAt(i) - '0');
        }
        if (i < n && text.charAt(i) == '.') {
            for (i++; i < n && isDigit(text.charAt(i)); i++, fracDigits++) {
                unscaled = unscaled * 10 + (text.charAt(i) - '0');
            }
            if (fracDigits == 0) {
                return null;
            }
        }
        if (intDigits == 0 || intDigits + fracDigits > 18 || intDigits > 15 || fracDigits > 12) {
            return null; // beyond a long, or not a number: the pattern decides
        }
        int power = 0;
        if (i == n - 1) {
            power = switch (text.charAt(i)) {
                case 'K' -> 3;
                case 'M' -> 6;
                case 'B' -> 9;
                case 'T' -> 12;
                default -> -1;
            };
            if (power < 0) {
                return null;
            }
        } else if (i != n) {
            return null;
        }
        BigDecimal value = BigDecimal.valueOf(negative ? -unscaled : unscaled, fracDigits - power);
        return new Money(value.stripTrailingZeros(), ccy);
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Currency codes already checked against ISO 4217 (the JDK's list). */
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    /** Every accepted form, and the messages for the rest. */
    static Money parseByPattern(String text, String defaultCurrency) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not an amount: '" + text + "' (expected e.g. \"USD 27.3B\": currency code, number, optional K/M/B/T)");
        }
        String ccy = m.group(1) != null ? m.group(1) : defaultCurrency;
        if (ccy == null) {
            throw new IllegalArgumentException("amount '" + text + "' has no currency code and the fact has no 'currency' field");
        }
        checkCurrency(ccy);
        BigDecimal value = new BigDecimal(m.group(2));
        if (m.group(3) != null) {
            value = value.scaleByPowerOfTen(switch (m.group(3)) {
                case "K" -> 3;
                case "M" -> 6;
                case "B" -> 9;
                default -> 12;
            });
        }
        return new Money(value.stripTrailingZeros(), ccy);
    }

    /**
     * ISO 4217 codes that are not money: no currency (XXX), testing (XTS), precious metals (XAU,
     * XAG, XPD, XPT), bond-market units (XBA-XBD), SDR (XDR), settlement units (XSU, XUA, XFU) and
     * funds codes. An amount in one of them cannot be added to or compared with an amount of money.
     */
    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD",
            "XDR", "XSU", "XUA", "XFU", "XFO", "XRE", "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "USS", "UYI", "UYW");

    public static String checkCurrency(String code) {
        if (code != null && NOT_MONEY.contains(code)) {
            throw new IllegalArgumentException("currency code '" + code + "' is not a currency of money (ISO 4217 lists it for "
                    + "metals, testing, units or funds); use the currency the amount is paid in, e.g. USD");
        }
        try {
            Currency.getInstance(code);
            KNOWN.add(code);
            return code;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency code '" + code + "' (ISO 4217 expected, e.g. USD)");
        }
    }

    public boolean sameCurrency(Money other) {
        return other != null && currency.equals(other.currency);
    }

    public Money plus(Money other) {
        if (!sameCurrency(other)) {
            throw new IllegalArgumentException("cannot add " + this + " and " + other);
        }
        return new Money(amount.add(other.amount), currency);
    }

    /** this / other, to 6 significant digits; null when currencies differ or other is zero. */
    public BigDecimal ratio(Money other) {
        if (!sameCurrency(other) || other.amount.signum() == 0) {
            return null;
        }
        return amount.divide(other.amount, new MathContext(6, RoundingMode.HALF_UP));
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money o) {
        if (!sameCurrency(o)) {
            throw new IllegalArgumentException("cannot compare " + this + " and " + o);
        }
        return amount.compareTo(o.amount);
    }

    /** Human form used in explanations: {@code USD 27.3B}, {@code USD 950M}, {@code EUR 12,500}. */
    public String display() {
        BigDecimal abs = amount.abs();
        String sign = amount.signum() < 0 ? "-" : "";
        String[] suffix = {"T", "B", "M", "K"};
        int[] power = {12, 9, 6, 3};
        for (int i = 0; i < suffix.length; i++) {
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(power[i]);
            if (i < 3 && abs.compareTo(unit) >= 0) {
                // two decimals at most, half-up (4.3125B reads 4.31B, 4.315B reads 4.32B), never truncated
                BigDecimal scaled = abs.movePointLeft(power[i]).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
                return currency + " " + sign + scaled.toPlainString() + suffix[i];
            }
        }
        if (abs.compareTo(BigDecimal.valueOf(1000)) < 0) {
            return currency + " " + sign + abs.stripTrailingZeros().toPlainString();
        }
        return currency + " " + sign + String.format(Locale.ROOT, "%,d", abs.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Canonical text, parseable by {@link #parse}: {@code USD 27300000000}. */
    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }
}
