package org.offbook.prepare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.InterestCoverage;
import org.offbook.model.InterestCoverage.PeriodCoverage;
import org.offbook.model.Money;
import org.offbook.model.Statement;

/**
 * Prepares one {@link InterestCoverage} per company from its statements: which period is assessed
 * (the latest fiscal year, the trailing twelve months, or a lone quarter when the data hold no
 * year), with the quarters and years beside it. The choice and the arithmetic are here, computed
 * once per company with a map; whether the coverage is a concern is the COVER rules' judgement.
 */
public final class Coverages {

    private static final MathContext RATIO = new MathContext(6, RoundingMode.HALF_UP);

    private Coverages() {
    }

    public static List<InterestCoverage> of(List<Fact> facts) {
        Map<String, Entity> entities = new HashMap<>();
        Map<String, List<Statement>> byEntity = new TreeMap<>();
        for (Fact f : facts) {
            if (f instanceof Entity e) {
                entities.putIfAbsent(e.id(), e);
            } else if (f instanceof Statement s) {
                byEntity.computeIfAbsent(s.entity(), k -> new ArrayList<>()).add(s);
            }
        }
        List<InterestCoverage> out = new ArrayList<>();
        for (Map.Entry<String, List<Statement>> e : byEntity.entrySet()) {
            InterestCoverage c = of(e.getKey(), e.getValue(), entities.get(e.getKey()));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The coverage of one company, or null when no period has both operating income and interest expense. */
    static InterestCoverage of(String entity, List<Statement> statements, Entity company) {
        String currency = reportingCurrency(statements);
        if (currency == null) {
            return null;
        }
        TreeMap<LocalDate, Statement> years = new TreeMap<>();
        TreeMap<LocalDate, Statement> quarters = new TreeMap<>();
        for (Statement s : statements) {
            if (!usable(s) || !s.interestExpense().currency().equals(currency)) {
                continue;
            }
            if (s.isAnnual()) {
                years.merge(s.end(), s, Coverages::earlierFirst);
            } else if (Integer.valueOf(3).equals(s.getMonths())) {
                quarters.merge(s.end(), s, Coverages::earlierFirst);
            }
        }
        if (years.isEmpty() && quarters.isEmpty()) {
            return null;
        }
        Statement year = years.isEmpty() ? null : years.lastEntry().getValue();
        Statement quarter = quarters.isEmpty() ? null : quarters.lastEntry().getValue();

        String basis;
        List<Statement> assessed;
        if (quarter != null && (year == null || quarter.end().isAfter(year.end()))) {
            List<Statement> four = lastFour(quarters);
            if (four != null) {
                basis = InterestCoverage.TTM;
                assessed = four;
            } else if (year != null && !year.end().plusYears(1).isBefore(quarter.end())) {
                basis = InterestCoverage.FISCAL_YEAR; // the latest fiscal year; the quarters after it are the trend
                assessed = List.of(year);
            } else {
                basis = InterestCoverage.QUARTER; // no year within a year of the latest quarter
                assessed = List.of(quarter);
            }
        } else {
            basis = InterestCoverage.FISCAL_YEAR;
            assessed = List.of(year);
        }

        Money income = sum(assessed, Statement::operatingIncome);
        Money interest = sum(assessed, Statement::interestExpense);
        Money revenue = sum(assessed, Statement::revenue);
        Money depreciation = sum(assessed, Statement::depreciationAmortization);
        Statement first = assessed.get(0);
        Statement last = assessed.get(assessed.size() - 1);
        String label = basis.equals(InterestCoverage.TTM) ? "the twelve months to " + last.end() : label(last);
        BigDecimal coverage = income.ratio(interest);
        BigDecimal ebitda = depreciation == null ? null : income.plus(depreciation).ratio(interest);
        BigDecimal toRevenue = revenue == null || revenue.amount().signum() <= 0 ? null : interest.amount().divide(revenue.amount(), RATIO);
        Statement debtAt = null;
        for (Statement s : statements) {
            if (s.totalDebt() != null && s.totalDebt().currency().equals(currency) && !s.end().isAfter(last.end())
                    && (debtAt == null || s.end().isAfter(debtAt.end()))) {
                debtAt = s;
            }
        }
        Money debt = debtAt == null ? null : debtAt.totalDebt();
        BigDecimal debtToRevenue = debt == null || revenue == null || revenue.amount().signum() <= 0 ? null
                : debt.amount().divide(revenue.amount().multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(months(first, last)), RATIO), RATIO);
        String sic = company == null ? null : company.sic();
        boolean financial = company != null && company.isFinancial();
        List<Fact> basisFacts = new ArrayList<>(assessed);
        if (debtAt != null && !assessed.contains(debtAt)) {
            basisFacts.add(debtAt);
        }
        if (company != null) {
            basisFacts.add(company);
        }
        return new InterestCoverage(entity, currency, basis, label, first.start(), last.end(), income, interest, revenue, depreciation,
                coverage, ebitda, toRevenue, debt, debtToRevenue, financial, sic, series(years), series(quarters), List.copyOf(basisFacts));
    }

    /** Months from the first period's start to the last one's end, rounded (3 for a quarter, 12 for a year). */
    private static long months(Statement first, Statement last) {
        long days = last.end().toEpochDay() - first.start().toEpochDay() + 1;
        return Math.max(1, Math.round(days / 30.4375));
    }

    /** Both figures known and interest positive: a period whose coverage can be computed. */
    static boolean usable(Statement s) {
        return s.start() != null && s.operatingIncome() != null && s.interestExpense() != null && s.interestExpense().amount().signum() > 0
                && s.operatingIncome().sameCurrency(s.interestExpense());
    }

    /** Of two statements ending on one day, the longer (a fiscal year beats a 53-week variant only by its start). */
    private static Statement earlierFirst(Statement a, Statement b) {
        return a.start().isAfter(b.start()) ? b : a;
    }

    /** The latest four quarters if each starts the day after the one before ends; null otherwise. */
    static List<Statement> lastFour(TreeMap<LocalDate, Statement> quarters) {
        if (quarters.size() < 4) {
            return null;
        }
        List<Statement> four = new ArrayList<>(quarters.descendingMap().values()).subList(0, 4);
        List<Statement> ordered = new ArrayList<>(four);
        ordered.sort(Comparator.comparing(Statement::end));
        for (int i = 1; i < ordered.size(); i++) {
            if (!ordered.get(i).start().equals(ordered.get(i - 1).end().plusDays(1))) {
                return null;
            }
        }
        return ordered;
    }

    /** The sum of one figure over the periods in one currency; null when any period lacks it or currencies differ. */
    static Money sum(List<Statement> periods, java.util.function.Function<Statement, Money> figure) {
        Money total = null;
        for (Statement s : periods) {
            Money m = figure.apply(s);
            if (m == null || (total != null && !total.sameCurrency(m))) {
                return null;
            }
            total = total == null ? m : total.plus(m);
        }
        return total;
    }

    /**
     * The currency a company reports in: the one most of its statements (any field) are in, USD
     * last on a tie, so that a convenience translation into dollars reported beside a home currency
     * is not taken for it.
     */
    static String reportingCurrency(List<Statement> statements) {
        Map<String, Integer> count = new TreeMap<>();
        for (Statement s : statements) {
            Money m = s.interestExpense() != null ? s.interestExpense() : s.operatingIncome() != null ? s.operatingIncome()
                    : s.revenue() != null ? s.revenue() : s.totalDebt() != null ? s.totalDebt() : s.equity();
            if (m != null) {
                count.merge(m.currency(), 1, Integer::sum);
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : count.entrySet()) {
            if (best == null || e.getValue() > count.get(best) || (e.getValue().equals(count.get(best)) && best.equals("USD"))) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static List<PeriodCoverage> series(TreeMap<LocalDate, Statement> periods) {
        List<PeriodCoverage> out = new ArrayList<>();
        for (Statement s : periods.values()) {
            out.add(new PeriodCoverage(label(s), s.start(), s.end(), s.operatingIncome(), s.interestExpense(),
                    s.operatingIncome().ratio(s.interestExpense())));
        }
        return List.copyOf(out);
    }

    private static String label(Statement s) {
        if (s.period() == null) {
            return s.start() + " to " + s.end();
        }
        // a statement read in a currency other than the reporting one is labelled "FY2010 (USD)"; the coverage is in one currency
        return s.period();
    }
}
