package org.offbook.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

@Doc("Debt raised by an entity: bonds, loans, credit facilities, margin loans.")
public record Financing(
        @Key @Doc("Optional identifier, e.g. \"beignet-2049-notes\".") String id,
        @Required @Ref @Key @Doc("The entity that owes the debt.") String borrower,
        @Ref @Doc("Lenders, bondholders or arrangers, by entity id.") List<String> lenders,
        @OneOf({"bond", "loan", "term-loan", "delayed-draw-term-loan", "project-loan", "credit-facility", "margin-loan", "private-credit", "other"})
        @Key @Doc("Form of the debt.") String kind,
        @NonNegative @Doc("Principal (or committed amount for a facility); omit when not disclosed.") Money amount,
        @NonNegative @Doc("Amount drawn, where it differs from the principal.") Money drawn,
        @Doc("Interest rate as written, e.g. \"6.58%\" or \"SOFR+2.5%\".") String rate,
        @Key @Doc("Date the debt was raised.") LocalDate start,
        @Doc("Final maturity.") LocalDate maturity,
        @NonNegative @Doc("Tenor in years, when no maturity date is given.") BigDecimal termYears,
        @NonNegative @Doc("Extension options, in years, beyond the tenor.") BigDecimal extensionYears,
        @OneOf({"none", "gpu", "servers", "data-centre", "real-estate", "shares", "receivables", "lease-payments", "all-assets", "other"})
        @Doc("What secures the debt.") String collateral,
        @NonNegative @Doc("Economic life in years of the collateral.") BigDecimal collateralLifeYears,
        @Doc("Currency of amounts written without a currency code.") String currency,
        String source,
        Provenance provenance) implements Fact {

    /** Tenor plus extension options, in years; null when the tenor is unknown. */
    public BigDecimal getTenorWithExtensions() {
        BigDecimal t = getTenorYears();
        return t == null || extensionYears == null ? t : t.add(extensionYears);
    }

    /** Tenor in years: {@code termYears} if given, else start to maturity; null when unknown. */
    public BigDecimal getTenorYears() {
        if (termYears != null) {
            return termYears;
        }
        if (start != null && maturity != null) {
            long months = ChronoUnit.MONTHS.between(start, maturity);
            return BigDecimal.valueOf(months).divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_UP);
        }
        return null;
    }
}
