package org.offbook.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Problem;

/**
 * A list of errors that keeps at most {@link #PER_FILE} for each file and counts the rest, so that
 * a file of 400,000 bad facts costs a few kilobytes of messages, not a report of tens of megabytes
 * and the heap. {@link #finish()} adds one error per capped file with the number left out; the run
 * still exits 5. Used for every reader's errors (JSON, CSV, SEC companyfacts and data sets).
 */
public final class CappedErrors extends ArrayList<Problem> {

    private static final long serialVersionUID = 1L;

    /** Errors listed for one file; the rest are counted. */
    public static final int PER_FILE = 100;

    private final Map<String, Integer> kept = new TreeMap<>();
    private final Map<String, Long> dropped = new TreeMap<>();

    @Override
    public boolean add(Problem e) {
        int n = kept.merge(e.file(), 1, Integer::sum);
        if (n > PER_FILE) {
            kept.put(e.file(), PER_FILE);
            dropped.merge(e.file(), 1L, Long::sum);
            return false;
        }
        return super.add(e);
    }

    @Override
    public boolean addAll(Collection<? extends Problem> c) {
        boolean changed = false;
        for (Problem e : c) {
            changed |= add(e);
        }
        if (c instanceof CappedErrors other) {
            other.dropped.forEach((f, n) -> dropped.merge(f, n, Long::sum));
        }
        return changed;
    }

    /** Every error added, listed or not. */
    public long total() {
        long n = size();
        for (long d : dropped.values()) {
            n += d;
        }
        return n;
    }

    /** How many errors a list has been given: for a capped list, those left out count too (a fact is rejected by its errors). */
    public static long count(List<Problem> errors) {
        return errors instanceof CappedErrors c ? c.total() : errors.size();
    }

    /** Errors not listed, by file. */
    public Map<String, Long> dropped() {
        return dropped;
    }

    /** Adds, for each capped file, one error saying how many more it has; returns this list. */
    public List<Problem> finish() {
        for (Map.Entry<String, Long> d : dropped.entrySet()) {
            super.add(Problem.of(d.getKey(), 0, null, d.getValue() + " more errors in this file are not listed (the first "
                    + PER_FILE + " are; " + (PER_FILE + d.getValue()) + " in all): correct these and check again"));
        }
        dropped.clear();
        return this;
    }
}
