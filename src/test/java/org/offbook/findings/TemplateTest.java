package org.offbook.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.offbook.model.Money;
import org.offbook.model.Provenance;
import org.offbook.model.Stake;

class TemplateTest {

    private final Stake stake = new Stake("meta", "beignet", new BigDecimal("0.2"), "non-marketable",
            LocalDate.of(2025, 10, 31), null, null, "s", new Provenance("f.json", 3));
    private final Map<String, Object> values = Map.of(
            "stake", stake,
            "debt", Money.parse("USD 27.3B", null),
            "ratio", new BigDecimal("9.1234"),
            "years", new BigDecimal("4"),
            "ids", List.of("meta", "beignet", "blue-owl"));
    private final Map<String, String> names = Map.of("meta", "Meta Platforms", "beignet", "Beignet Investor LLC");

    private String render(String template, List<String> unknown) {
        return Template.render(template, n -> values.containsKey(n) ? values.get(n) : Template.MISSING,
                id -> names.getOrDefault(id, id), unknown);
    }

    @Test
    void fillsPropertiesWithFormats() {
        List<String> unknown = new ArrayList<>();
        assertEquals("Meta Platforms holds 20% of Beignet Investor LLC (as of 2025), USD 27.3B, 9.1x over 4 years",
                render("{stake.holder|name} holds {stake.share|pct} of {stake.entity|name} (as of {stake.asOf|year}), "
                        + "{debt}, {ratio|x} over {years|years}", unknown));
        assertEquals(List.of(), unknown);
    }

    @Test
    void aValueEndingInAFullStopIsNotFollowedByASecond() {
        List<String> unknown = new ArrayList<>();
        assertEquals("Guaranteed by Alphabet Inc. Then more.", Template.render("Guaranteed by {g}. Then more.",
                n -> n.equals("g") ? "Alphabet Inc." : Template.MISSING, id -> id, unknown));
        assertEquals("Ends at 2049. Dots stay: a.. b", Template.render("Ends at {y}. Dots stay: a.. b",
                n -> n.equals("y") ? "2049" : Template.MISSING, id -> id, unknown));
        assertEquals(List.of(), unknown);
    }

    @Test
    void listsAndPercentagesRoundReadably() {
        List<String> unknown = new ArrayList<>();
        assertEquals("Meta Platforms, Beignet Investor LLC and blue-owl; 912.3%", render("{ids|name}; {ratio|pct}", unknown));
        assertEquals("8.4%", Template.percent(new BigDecimal("0.08424")));
        assertEquals("100%", Template.percent(BigDecimal.ONE));
        // half-up, never truncated or rounded to even (issue 16 item 8)
        assertEquals("16.6%", Template.percent(new BigDecimal("0.1655")));
        assertEquals("0.17x", Template.multiple(new BigDecimal("0.167")));
        assertEquals("0.99x", Template.multiple(new BigDecimal("0.994")));
        assertEquals("0.999x", Template.multiple(new BigDecimal("0.999")));
        assertEquals("9.2x", Template.multiple(new BigDecimal("9.15")));
        assertEquals("-0.05x", Template.multiple(new BigDecimal("-0.045")));
    }

    @Test
    void unknownNamesPropertiesAndFormatsAreFlagged() {
        List<String> unknown = new ArrayList<>();
        String out = render("{nope} {stake.shares} {ratio|percent} {{literal}", unknown);
        assertEquals("{nope?} {stake.shares?} {ratio?} {literal}", out);
        assertEquals(3, unknown.size());
    }

    @Test
    void missingValuesPrintAsNotAvailable() {
        assertEquals("carrying value n/a", render("carrying value {stake.carryingValue|money}", new ArrayList<>()));
    }

    @Test
    void sectionsShowTextWhenAValueIsPresentAndRepeatOverLists() {
        List<String> unknown = new ArrayList<>();
        assertEquals("held as non-marketable; no carrying value; [meta][beignet][blue-owl]",
                render("{?stake.booking}held as {stake.booking}{/stake.booking}{!stake.carryingValue}; no carrying value{/stake.carryingValue}"
                        + "{?stake.carryingValue} at {stake.carryingValue|money}{/stake.carryingValue}; {#ids}[{ids}]{/ids}", unknown));
        assertEquals(List.of(), unknown);
    }

    @Test
    void aValueIsPrintedAsTextEvenWhenItLooksLikeAPlaceholder() {
        List<String> unknown = new ArrayList<>();
        Map<String, Object> v = Map.of("period", "Q1 {FY2026}", "items", List.of("{x}", "{{y}"));
        assertEquals("at Q1 {FY2026}: {x}; {{y}; ", Template.render("at {period}: {#items}{items}; {/items}",
                n -> v.containsKey(n) ? v.get(n) : Template.MISSING, id -> id, unknown));
        assertEquals(List.of(), unknown);
    }
}
