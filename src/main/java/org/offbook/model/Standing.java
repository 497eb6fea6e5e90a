package org.offbook.model;

/**
 * A deal's standing in words, from two separate fields: its legal status (does it bind:
 * completed, definitive, non-binding, letter-of-intent) and its source quality (where the fact
 * comes from: filed, company-announced, press-reported, disputed). A press report of a signed
 * contract is binding and press-reported; a filed letter of intent is filed and non-binding:
 * the two are never folded into one word.
 */
public final class Standing {

    private Standing() {
    }

    /** The legal status in words; {@code none} when no status is given. */
    public static String status(String status, String none) {
        if (status == null) {
            return none;
        }
        return switch (status) {
            case "completed" -> "completed";
            case "definitive" -> "agreed and binding";
            case "non-binding" -> "not binding";
            case "letter-of-intent" -> "a non-binding letter of intent";
            case "reported" -> "only reported; status not known, read as not binding";
            default -> status.replace('-', ' ');
        };
    }

    /** True when a fact is known only from the press or is disputed: no filing or party confirms it. */
    public static boolean unconfirmed(String sourceQuality) {
        return "press-reported".equals(sourceQuality) || "disputed".equals(sourceQuality);
    }

    /** Where the fact comes from, in words; null when not given. */
    public static String source(String sourceQuality) {
        if (sourceQuality == null) {
            return null;
        }
        return switch (sourceQuality) {
            case "filed" -> "as filed";
            case "company-announced" -> "as announced by a party to it";
            case "press-reported" -> "as reported in the press, not confirmed by a filing";
            case "disputed" -> "disputed: sources disagree";
            default -> sourceQuality.replace('-', ' ');
        };
    }

    /** Both, e.g. "agreed and binding, as reported in the press, not confirmed by a filing". */
    public static String of(String status, String sourceQuality, String none) {
        String s = status(status, none);
        String q = source(sourceQuality);
        return q == null ? s : s + ", " + q;
    }

    /** A fact's kind word as prose: "gpus" reads "GPUs", "cloud-capacity" reads "cloud capacity". */
    public static String what(String word) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "gpus", "gpu" -> "GPUs";
            case "cpus", "cpu" -> "CPUs";
            default -> word.replace('-', ' ');
        };
    }
}
