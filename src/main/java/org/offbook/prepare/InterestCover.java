package org.offbook.prepare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.offbook.model.Money;
import org.offbook.model.Numbers;
import org.offbook.model.Statement;

/**
 * The arithmetic behind COVER-002 (interest expense above operating income in consecutive
 * periods), typed and tested here rather than written as DRL functions. The rule's conditions call
 * {@link #below} and {@link #chain}; its consequence supplies {@link #assess}'s result to its
 * declared message.
 */
public final class InterestCover {

    private InterestCover() {
    }

    /** A period whose operating income covers less than {@code min} times its (positive) interest expense. */
    public static boolean below(Statement s, BigDecimal min) {
        if (s.start() == null || s.operatingIncome() == null || s.interestExpense() == null || s.interestExpense().amount().signum() <= 0) {
            return false;
        }
        BigDecimal cover = s.operatingIncome().ratio(s.interestExpense());
        return cover != null && cover.compareTo(min) < 0;
    }

    /**
     * The periods from {@code first} to {@code last}, oldest first, if they run without a gap (each
     * starts the day after the previous one ends); null otherwise.
     */
    public static List<Statement> chain(List<Statement> periods, Statement first, Statement last) {
        List<Statement> chain = new ArrayList<>();
        Statement current = first;
        chain.add(current);
        while (!current.end().equals(last.end())) {
            Statement next = null;
            for (Statement s : periods) {
                if (s.start().equals(current.end().plusDays(1))) {
                    next = s;
                }
            }
            if (next == null) {
                return null;
            }
            chain.add(next);
            current = next;
        }
        return chain;
    }

    /**
     * A run assessed: its periods in words ({@code items}, one per period: label, both figures and
     * the cover), the unit of its periods ("quarters"), and the run's operating income, interest and
     * cover added up; those three are null when the periods' currencies differ.
     */
    public record Run(int count, String unit, List<String> items, Money income, Money interest, BigDecimal cover) {
    }

    /** The run of {@code chain} (as {@link #chain} gives it), of periods of {@code months} months. */
    public static Run assess(List<Statement> chain, int months) {
        List<String> items = new ArrayList<>();
        Money income = null;
        Money interest = null;
        boolean summable = true;
        for (Statement s : chain) {
            String label = s.period() != null ? s.period() : s.start() + " to " + s.end();
            items.add(label + ": operating income " + s.operatingIncome().display() + " against interest expense "
                    + s.interestExpense().display() + " (" + Numbers.multiple(s.operatingIncome().ratio(s.interestExpense())) + ")");
            if (income == null) {
                income = s.operatingIncome();
                interest = s.interestExpense();
            } else if (income.sameCurrency(s.operatingIncome()) && interest.sameCurrency(s.interestExpense())) {
                income = income.plus(s.operatingIncome());
                interest = interest.plus(s.interestExpense());
            } else {
                summable = false;
            }
        }
        String unit = months == 3 ? "quarters" : months == 12 ? "years" : months == 6 ? "half-years" : "periods of " + months + " months";
        return summable ? new Run(chain.size(), unit, items, income, interest, income.ratio(interest))
                : new Run(chain.size(), unit, items, null, null, null);
    }
}
