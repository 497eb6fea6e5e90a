package org.offbook.model;

/**
 * What a long run reports as it goes: its stages, files read, facts inserted, rules fired. The
 * caller passes one in (the command line a terminal line, the benchmark a stage timer); the stages
 * call it and never look one up. Every method does nothing unless overridden; calls may come from
 * any thread and must be cheap.
 */
public interface ProgressListener {

    /** Reports nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** A stage of the run begins ({@code load}, {@code compile}, {@code rules}...). */
    default void stage(String name) {
    }

    /** The number of input files found. */
    default void files(int total) {
    }

    /** One file read; {@code facts} read so far. */
    default void fileRead(String file, long facts) {
    }

    /** Facts inserted into the rule session so far, of {@code total}. */
    default void inserted(long done, long total) {
    }

    /** Rule firings so far. */
    default void fired(long firings) {
    }

    /** The run is over: a terminal reporter clears its line. */
    default void done() {
    }
}
