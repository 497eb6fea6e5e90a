package org.offbook.pipeline;

/**
 * How the rules are evaluated: in one session over every fact, or in partitions (whole connected
 * components of the link graph, {@code org.offbook.prepare.Partitions}) evaluated in parallel
 * sessions from the one compiled rule base. The report is the same byte for byte either way
 * (docs/performance.md, "Partitioned evaluation"); partitions bound the memory of a session by the
 * largest partition and use every core.
 *
 * <p>Set with Java system properties (e.g. {@code OFFBOOK_JAVA_OPTS="-Doffbook.partitions=off"}):
 * <ul>
 *   <li>{@code offbook.partitions}: {@code on} (the default) or {@code off} (one session);</li>
 *   <li>{@code offbook.threads}: sessions run at one time (default: the processors available);</li>
 *   <li>{@code offbook.partition.facts}: small components are batched into partitions of at least
 *       this many facts (default {@value #DEFAULT_TARGET_FACTS}).</li>
 * </ul>
 *
 * @param partitioned evaluate in partitions (false: one session)
 * @param threads     sessions at one time, at least 1
 * @param targetFacts the smallest batch of small components
 */
public record Partitioning(boolean partitioned, int threads, int targetFacts) {

    public static final int DEFAULT_TARGET_FACTS = 20_000;

    /** One session over every fact, as before partitions existed. */
    public static final Partitioning ONE_SESSION = new Partitioning(false, 1, DEFAULT_TARGET_FACTS);

    public Partitioning {
        threads = Math.max(1, threads);
        targetFacts = Math.max(1, targetFacts);
    }

    /** From the system properties above; a value that is not understood is taken as the default. */
    public static Partitioning fromSystemProperties() {
        String mode = System.getProperty("offbook.partitions", "on").strip();
        boolean partitioned = !mode.equalsIgnoreCase("off") && !mode.equalsIgnoreCase("false");
        int threads = intProperty("offbook.threads", Runtime.getRuntime().availableProcessors());
        int target = intProperty("offbook.partition.facts", DEFAULT_TARGET_FACTS);
        return new Partitioning(partitioned, threads, target);
    }

    private static int intProperty(String name, int fallback) {
        String v = System.getProperty(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
