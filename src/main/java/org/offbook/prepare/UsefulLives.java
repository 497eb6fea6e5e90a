package org.offbook.prepare;

import java.util.List;
import org.offbook.model.Threshold;

/**
 * The economic life LIFE-001 grades a useful-life extension against, typed and tested here rather
 * than written as a DRL function over a raw list.
 */
public final class UsefulLives {

    private UsefulLives() {
    }

    /**
     * The economic life argued for an asset class: the threshold {@code life.argued.<class>} when
     * the list holds it, else {@code life.default.<class>}; null when it holds neither.
     */
    public static Threshold argued(List<Threshold> lives, String assetClass) {
        Threshold fallback = null;
        for (Threshold t : lives) {
            if (t.name().equals("life.argued." + assetClass)) {
                return t;
            }
            if (t.name().equals("life.default." + assetClass)) {
                fallback = t;
            }
        }
        return fallback;
    }
}
