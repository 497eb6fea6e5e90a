package org.offbook;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long run, for people watching a terminal: the pipeline calls it at each stage and
 * as files are read, facts inserted and rules fire. By default it writes one self-overwriting line
 * to standard error when offbook runs in a terminal ({@code System.console() != null}) and does
 * nothing otherwise, so reports, pipes and CI logs stay clean. {@code OFFBOOK_PROGRESS=off}
 * silences it; {@code OFFBOOK_PROGRESS=on} shows it even without a terminal.
 *
 * <p>Calls are cheap when silent (an empty method) and rate-limited when not (at most five
 * updates a second). They may come from any thread.
 */
public class Progress {

    /** Does nothing. */
    public static final Progress NONE = new Progress();

    private static volatile Progress current;

    protected Progress() {
    }

    /** The reporter in use: the one installed, else the terminal reporter or {@link #NONE}. */
    public static Progress current() {
        Progress p = current;
        if (p == null) {
            p = forEnvironment();
            current = p;
        }
        return p;
    }

    /** Uses {@code p} from now on; null goes back to the default for the environment. */
    public static void install(Progress p) {
        current = p;
    }

    /** The terminal reporter when standard error is a terminal (or OFFBOOK_PROGRESS=on), else NONE. */
    public static Progress forEnvironment() {
        String env = System.getenv("OFFBOOK_PROGRESS");
        if ("off".equalsIgnoreCase(env)) {
            return NONE;
        }
        if ("on".equalsIgnoreCase(env) || System.console() != null) {
            return terminal(System.err);
        }
        return NONE;
    }

    /** The reporter that writes one self-overwriting line to {@code err}. */
    public static Progress terminal(PrintStream err) {
        return new Terminal(err);
    }

    /** A stage starts: load, resolve, compile, prepare, insert, rules, findings, report. */
    public void stage(String name) {
    }

    /** Input files found, before reading them. */
    public void files(int total) {
    }

    /** One more input file read; {@code facts} read so far. */
    public void fileRead(String file, long facts) {
    }

    /** Facts inserted into the rule session so far, of {@code total}. */
    public void inserted(long done, long total) {
    }

    /** Rule firings so far. */
    public void fired(long firings) {
    }

    /** The run is over: clear the line. */
    public void done() {
    }

    /** The line on a terminal: {@code offbook: [12.3 s] load: 14/22 files, 234,567 facts}. */
    static final class Terminal extends Progress {
        private static final long EVERY_NANOS = 200_000_000L;
        private final PrintStream err;
        private final long start = System.nanoTime();
        private long last;
        private String stage = "start";
        private int files;
        private int filesRead;
        private long facts;
        private long inserted;
        private long toInsert;
        private long firings;
        private int width;

        Terminal(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void stage(String name) {
            stage = name;
            show(true);
        }

        @Override
        public synchronized void files(int total) {
            files = total;
            show(false);
        }

        @Override
        public synchronized void fileRead(String file, long factsSoFar) {
            filesRead++;
            facts = factsSoFar;
            show(false);
        }

        @Override
        public synchronized void inserted(long done, long total) {
            inserted = done;
            toInsert = total;
            show(false);
        }

        @Override
        public synchronized void fired(long n) {
            firings = n;
            show(false);
        }

        @Override
        public synchronized void done() {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
                width = 0;
            }
        }

        private void show(boolean now) {
            long t = System.nanoTime();
            if (!now && t - last < EVERY_NANOS) {
                return;
            }
            last = t;
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "offbook: [%5.1f s] %s", (t - start) / 1e9, stage));
            switch (stage) {
                case "load", "resolve" -> sb.append(files == 0 ? "" : String.format(Locale.ROOT, ": %,d/%,d files, %,d facts read",
                        filesRead, files, facts));
                case "insert" -> sb.append(toInsert == 0 ? "" : String.format(Locale.ROOT, ": %,d/%,d facts", inserted, toInsert));
                case "rules", "findings" -> sb.append(String.format(Locale.ROOT, ": %,d rule firings", firings));
                default -> sb.append(facts > 0 ? String.format(Locale.ROOT, ": %,d facts", facts) : "");
            }
            String line = sb.toString();
            err.print("\r" + line + (line.length() < width ? " ".repeat(width - line.length()) : ""));
            err.flush();
            width = line.length();
        }
    }
}
