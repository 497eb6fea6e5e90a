package org.offbook.bench;

/**
 * A small deterministic random generator (SplitMix64), specified here in full so that a seed gives
 * the same market on every JVM and platform. Transcendental functions go through {@link StrictMath}
 * for the same reason.
 */
final class Rng {

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** An independent stream for one part of the market: the same (seed, stream) always gives the same numbers. */
    static Rng of(long seed, long stream) {
        return new Rng(mix(seed ^ mix(stream + 0x632BE59BD9B4E019L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Uniform in [from, to] (both ends included). */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [from, to). */
    double uniform(double from, double to) {
        return from + (to - from) * nextDouble();
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal (Box-Muller). */
    double gaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        if (u1 < 1e-300) {
            u1 = 1e-300;
        }
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** Log-normal with the given median and log-scale spread. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    <T> T pick(java.util.List<T> items) {
        return items.get(nextInt(items.size()));
    }

    String pick(String... items) {
        return items[nextInt(items.length)];
    }
}
