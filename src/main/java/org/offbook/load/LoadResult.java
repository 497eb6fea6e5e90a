package org.offbook.load;

import java.util.List;
import org.offbook.model.Fact;
import org.offbook.model.FileStats;
import org.offbook.model.Problem;
import org.offbook.load.xbrl.XbrlDocument;

/**
 * Everything read from the input paths: the facts, in a stable order (file, then line), every
 * problem, what each file contributed, the files skipped because they are not input formats, and
 * the XBRL documents read (inline XBRL and instances, in file-name order; their facts as filed);
 * {@code notices} are information that is not an error (a duplicate fact counted once, a link not
 * followed), and {@code merged} counts the facts loaded that were the same as an earlier one.
 */
public record LoadResult(List<Fact> facts, List<Problem> errors, List<FileStats> files, List<String> skipped,
                         List<Problem> notices, int merged, List<XbrlDocument> xbrl) {

    public LoadResult(List<Fact> facts, List<Problem> errors, List<FileStats> files, List<String> skipped) {
        this(facts, errors, files, skipped, List.of(), 0, List.of());
    }

    public int factsRead() {
        return files.stream().mapToInt(FileStats::read).sum();
    }

    /** Facts accepted, per file; an entity defined identically in two files counts in both but is one fact. */
    public int factsLoaded() {
        return files.stream().mapToInt(FileStats::loaded).sum();
    }

    public int factsRejected() {
        return factsRead() - factsLoaded();
    }
}
