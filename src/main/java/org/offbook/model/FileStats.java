package org.offbook.model;

/** What became of one input file: facts read, loaded, and rejected (read - loaded). */
public record FileStats(String file, String format, int read, int loaded) {

    public int rejected() {
        return read - loaded;
    }
}
