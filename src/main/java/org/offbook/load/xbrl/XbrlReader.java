package org.offbook.load.xbrl;

import java.nio.file.Path;
import java.util.List;
import org.offbook.load.FolderLoader;
import org.offbook.model.Problem;

/**
 * Reads inline XBRL documents and XBRL 2.1 instances, streamed with the JDK's StAX: no tree of the
 * document is built; memory is bounded by the largest text fact and the contexts and units.
 * See docs/sec-data.md, "Reading XBRL documents".
 */
public final class XbrlReader {

    private XbrlReader() {
    }

    /**
     * What the file is, judged by its content (the first few KiB, through gzip for a .gz): an inline
     * XBRL document, an XBRL 2.1 instance, or null for anything else (other HTML or XML, unreadable).
     * Only names ending in .htm, .html, .xhtml, .xml (and each + .gz) are looked at.
     */
    public static XbrlDocument.Kind recognise(Path file) {
        return Sniffer.recognise(file);
    }

    /** True for a file name the reader looks into: .htm .html .xhtml .xml, or one of them + .gz. */
    public static boolean candidateName(String fileName) {
        return Sniffer.candidateName(fileName);
    }

    /** Reads a file, reported under its own path. */
    public static XbrlDocument read(Path file, Limits limits) {
        return read(FolderLoader.displayName(file), file, limits);
    }

    /**
     * Reads a file; never throws for bad input: every problem is in {@link XbrlDocument#problems()}.
     *
     * @param name the file as reported
     */
    public static XbrlDocument read(String name, Path file, Limits limits) {
        return new StreamReader(name, limits).read(file);
    }

    /** Convenience for callers that collect errors: the problems of {@code doc} added to {@code errors}. */
    public static void report(XbrlDocument doc, List<Problem> errors) {
        errors.addAll(doc.problems());
    }
}
