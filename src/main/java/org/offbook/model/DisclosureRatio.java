package org.offbook.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A disclosed off-balance-sheet amount set against the balance-sheet figure it is judged by, as of
 * one date and in one currency: leases signed but not yet commenced against the lease liabilities
 * recognised (operating plus finance), and the maximum exposure to loss from unconsolidated VIEs or
 * under guarantees against equity. Computed in Java before the rules run
 * ({@code org.offbook.prepare.DisclosureRatios}).
 *
 * @param kind       the {@link Disclosure} kind: leases-not-commenced, vie-maximum-exposure or guarantee-maximum-exposure
 * @param amount     the disclosed amount: the total the filing states, else the sum of its parts (each counted once)
 * @param parts      the parts in words when there are several ("guarantee of indebtedness of others USD 766M"), else empty
 * @param base       what it is set against, in words: "lease liabilities" or "equity"
 * @param baseAmount the base figure
 * @param baseParts  how the base is made, in words ("operating USD 20.234B + finance USD 709M"), else empty
 * @param ratio      amount / baseAmount, four decimals, rounded half-up
 * @param terms      lease terms disclosed for the leases not yet commenced ("terms of 3 to 15.5 years"), else empty
 */
public record DisclosureRatio(String entity, String kind, Money amount, String parts, String base, Money baseAmount, String baseParts,
                              BigDecimal ratio, String terms, LocalDate end, List<Fact> basis) implements Derived {
}
