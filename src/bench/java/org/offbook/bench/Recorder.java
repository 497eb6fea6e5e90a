package org.offbook.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.offbook.pipeline.Progress;

/**
 * A progress reporter that times the pipeline's stages (from each {@code stage(...)} call to the
 * next) and passes every call on to another reporter, so a benchmark run shows progress on a
 * terminal like any other run.
 */
final class Recorder extends Progress {

    private final Progress next;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, Long> gcMillis = new LinkedHashMap<>();
    private long gcSince;
    private final java.util.List<Profile.Mark> timeline = new java.util.ArrayList<>();
    private String stage;
    private long since;
    private long firings;

    Recorder(Progress next) {
        this.next = next;
    }

    /** Starts timing from now, in stage {@code name}. */
    synchronized void start(String name) {
        stage = name;
        since = System.nanoTime();
        gcSince = gcMillis();
        timeline.add(new Profile.Mark(name, System.currentTimeMillis()));
    }

    @Override
    public synchronized void stage(String name) {
        close(System.nanoTime());
        stage = name;
        since = System.nanoTime();
        gcSince = gcMillis();
        timeline.add(new Profile.Mark(name, System.currentTimeMillis()));
        next.stage(name);
    }

    private void close(long now) {
        if (stage != null) {
            nanos.merge(stage, now - since, Long::sum);
            gcMillis.merge(stage, gcMillis() - gcSince, Long::sum);
        }
    }

    /** The collectors' time so far in this JVM (pauses, and concurrent work where a collector counts it), in ms. */
    static long gcMillis() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** The collectors' time by stage in milliseconds, after {@link #finish()}. */
    synchronized Map<String, Long> gcByStage() {
        return new LinkedHashMap<>(gcMillis);
    }

    /** Ends the current stage; the times in milliseconds by stage, in the order stages first ran. */
    synchronized Map<String, Long> finish() {
        close(System.nanoTime());
        if (stage != null) {
            timeline.add(new Profile.Mark("(after)", System.currentTimeMillis()));
        }
        stage = null;
        Map<String, Long> ms = new LinkedHashMap<>();
        nanos.forEach((k, v) -> ms.put(k, v / 1_000_000));
        return ms;
    }

    /** Each stage and when it started (epoch ms), in order; the last mark is the end of the run. */
    synchronized java.util.List<Profile.Mark> timeline() {
        return java.util.List.copyOf(timeline);
    }

    synchronized void reset() {
        nanos.clear();
        gcMillis.clear();
        timeline.clear();
        stage = null;
        firings = 0;
    }

    synchronized long firings() {
        return firings;
    }

    @Override
    public void files(int total) {
        next.files(total);
    }

    @Override
    public void fileRead(String file, long facts) {
        next.fileRead(file, facts);
    }

    @Override
    public void inserted(long done, long total) {
        next.inserted(done, total);
    }

    @Override
    public void fired(long n) {
        synchronized (this) {
            firings = n;
        }
        next.fired(n);
    }

    @Override
    public void done() {
        next.done();
    }
}
