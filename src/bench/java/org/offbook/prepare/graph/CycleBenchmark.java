package org.offbook.prepare.graph;

import java.util.Random;

/**
 * Times the cycle search on a random graph: {@code java -cp target/offbook-all.jar:target/offbook-bench.jar
 * org.offbook.prepare.graph.CycleBenchmark [LINKS] [ENTITIES] [MAX-LENGTH]} (defaults 100000, 20000, 6).
 * A benchmark, not a test: it prints what it measured.
 */
public final class CycleBenchmark {

    private CycleBenchmark() {
    }

    public static void main(String[] args) {
        int links = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int entities = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int maxLength = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Random random = new Random(42);
        MoneyGraph g = new MoneyGraph();
        org.offbook.model.Fact fact = new org.offbook.model.Stake("a", "b", java.math.BigDecimal.ONE, null, null, null, null, "bench",
                new org.offbook.model.Provenance("bench", 1));
        for (int i = 0; i < links; i++) {
            String from = "e" + random.nextInt(entities);
            String to = "e" + random.nextInt(entities);
            g.add(new Link(from, to, "purchase", null, true, "link", fact));
        }
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            CycleFinder.Result r = CycleFinder.find(g, maxLength, 1_000_000);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("round %d: %d links, %d entities, cycles up to %d links: %d found%s in %d ms%n",
                    round, g.linkCount(), g.entities().size(), maxLength, r.cycles().size(), r.truncated() ? " (capped)" : "", ms);
        }
    }
}
