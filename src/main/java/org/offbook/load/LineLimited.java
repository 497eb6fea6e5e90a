package org.offbook.load;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses a line longer than {@code max} characters and more than
 * {@code maxTotal} characters in all, so that endless or hostile input fails cleanly instead of
 * filling memory: a table needs no such line (a cell holds at most 10,000), and without a limit
 * one unbroken line would be gathered whole into memory before anything could be said about it.
 * Used for CSV tables and the SEC data sets' tab-separated members.
 */
public final class LineLimited extends java.io.FilterReader {
    private final int max;
    private final long maxTotal;
    private int run;
    private long total;

    LineLimited(Reader in, int max) {
        this(in, max, FolderLoader.MAX_FILE_BYTES);
    }

    public LineLimited(Reader in, int max, long maxTotal) {
        super(in);
        this.max = max;
        this.maxTotal = maxTotal;
    }

    public static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("line too long", null);
        }
    }

    /** More characters than a file within the size limit can hold: it grew while read, or is no file at all. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too large", null);
        }
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c);
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            count(buf[off + i]);
        }
        return n;
    }

    private void count(int c) throws IOException {
        if (c >= 0 && ++total > maxTotal) {
            throw new TooLarge();
        }
        if (c == '\n' || c == '\r') {
            run = 0;
        } else if (c >= 0 && ++run > max) {
            throw new TooLong();
        }
    }
}
