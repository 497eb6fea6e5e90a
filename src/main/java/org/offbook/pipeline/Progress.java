package org.offbook.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import org.offbook.model.ProgressListener;

/**
 * Progress of a long run, for people watching a terminal: the pipeline passes it, as a
 * {@link ProgressListener}, to each stage, which calls it as files are read, facts inserted and
 * rules fire. By default it writes one self-overwriting line
 * to standard error when {@code OFFBOOK_PROGRESS=on}, which the launcher sets when standard error
 * is a terminal, and does nothing otherwise, so reports, pipes and CI logs stay clean.
 *
 * <p>Calls are cheap: an empty method when silent, a field write when not (a separate thread
 * draws the line). They may come from any thread. The launcher sets {@code OFFBOOK_PROGRESS=on}
 * when standard error is a terminal, which Java cannot tell by itself.
 */
public class Progress implements ProgressListener {

    /** Does nothing. */
    public static final Progress NONE = new Progress();

    protected Progress() {
    }

    /**
     * The terminal reporter when {@code OFFBOOK_PROGRESS=on}, else NONE. The launcher sets it when
     * standard error is a terminal; Java cannot tell that by itself ({@code System.console()} is
     * about standard input and output), so without the variable offbook stays silent.
     */
    public static Progress forEnvironment() {
        return "on".equalsIgnoreCase(System.getenv("OFFBOOK_PROGRESS")) ? terminal(System.err) : NONE;
    }

    /** The reporter that writes one self-overwriting line to {@code err}, from one second into the run. */
    public static Progress terminal(PrintStream err) {
        return new Terminal(err);
    }

    /** As {@link #terminal(PrintStream)}, showing the line from {@code quietMillis} into the run. */
    public static Progress terminal(PrintStream err, long quietMillis) {
        return new Terminal(err, quietMillis * 1_000_000L);
    }

    /**
     * The line on a terminal: {@code offbook: [12.3 s] load: 14/22 files, 234,567 facts read}. The
     * pipeline's calls only record counts (no locking, no output); a daemon thread repaints the line
     * four times a second, starting one second into the run, so a short run prints nothing at all.
     */
    static final class Terminal extends Progress {
        static final long QUIET_NANOS = 1_000_000_000L;
        private static final long EVERY_MILLIS = 250;
        private final PrintStream err;
        private final long start;
        private final long quietNanos;
        private volatile String stage = "start";
        private volatile int files;
        private final java.util.concurrent.atomic.AtomicInteger filesRead = new java.util.concurrent.atomic.AtomicInteger();
        private volatile long facts;
        private volatile long inserted;
        private volatile long toInsert;
        private volatile long firings;
        private volatile boolean finished;
        private int width; // guarded by this
        private Thread painter;

        Terminal(PrintStream err) {
            this(err, QUIET_NANOS);
        }

        /** {@code quietNanos}: how long after the start nothing is shown. */
        Terminal(PrintStream err, long quietNanos) {
            this.err = err;
            this.start = System.nanoTime();
            this.quietNanos = quietNanos;
        }

        @Override
        public void stage(String name) {
            stage = name;
            startPainter();
        }

        @Override
        public void files(int total) {
            files = total;
        }

        @Override
        public void fileRead(String file, long factsSoFar) {
            filesRead.incrementAndGet();
            facts = factsSoFar;
        }

        @Override
        public void inserted(long done, long total) {
            inserted = done;
            toInsert = total;
        }

        @Override
        public void fired(long n) {
            firings = n;
        }

        @Override
        public synchronized void done() {
            finished = true;
            if (painter != null) {
                painter.interrupt();
            }
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
                width = 0;
            }
        }

        private synchronized void startPainter() {
            if (painter != null || finished) {
                return;
            }
            painter = new Thread(() -> {
                try {
                    while (!finished) {
                        Thread.sleep(EVERY_MILLIS);
                        paint();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // done() was called: the line is cleared there
                } catch (Throwable t) {
                    // progress is a courtesy: never a stack trace from it (out of memory, a closed stream)
                }
            }, "offbook-progress");
            painter.setDaemon(true);
            painter.start();
        }

        /** Writes the line now, if the quiet first second is over; package-private for tests. */
        synchronized void paint() {
            long elapsed = System.nanoTime() - start;
            if (finished || elapsed < quietNanos) {
                return;
            }
            String line = line(elapsed);
            err.print("\r" + line + (line.length() < width ? " ".repeat(width - line.length()) : ""));
            err.flush();
            width = line.length();
        }

        String line(long elapsedNanos) {
            String s = stage;
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "offbook: [%5.1f s] %s", elapsedNanos / 1e9, s));
            switch (s) {
                case "load", "resolve" -> sb.append(files == 0 ? "" : String.format(Locale.ROOT, ": %,d/%,d files, %,d facts read",
                        filesRead.get(), files, facts));
                case "insert" -> sb.append(toInsert == 0 ? "" : String.format(Locale.ROOT, ": %,d/%,d facts", inserted, toInsert));
                case "rules", "findings" -> sb.append(String.format(Locale.ROOT, ": %,d rule firings", firings));
                default -> sb.append(facts > 0 ? String.format(Locale.ROOT, ": %,d facts", facts) : "");
            }
            return sb.toString();
        }
    }
}
