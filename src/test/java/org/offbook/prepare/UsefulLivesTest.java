package org.offbook.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.offbook.model.Provenance;
import org.offbook.model.Threshold;

/** LIFE-001's choice of the economic life, which used to be an untyped DRL function. */
class UsefulLivesTest {

    private static Threshold life(String name, String years) {
        return new Threshold(name, new BigDecimal(years), "years", "test", new Provenance("rules/thresholds.csv", 1));
    }

    @Test
    void theArguedLifeWinsOverTheDefaultInEitherOrder() {
        Threshold argued = life("life.argued.servers", "4");
        Threshold fallback = life("life.default.servers", "6");
        assertEquals(argued, UsefulLives.argued(List.of(argued, fallback), "servers"));
        assertEquals(argued, UsefulLives.argued(List.of(fallback, argued), "servers"));
    }

    @Test
    void theDefaultIsUsedWhenNothingIsArgued() {
        Threshold fallback = life("life.default.gpu", "4");
        assertEquals(fallback, UsefulLives.argued(List.of(fallback), "gpu"));
    }

    @Test
    void noLifeForTheClassGivesNull() {
        assertNull(UsefulLives.argued(List.of(), "gpu"));
        assertNull(UsefulLives.argued(List.of(life("life.argued.servers", "4"), life("life.default.gpu", "4")), "network-gear"));
    }
}
