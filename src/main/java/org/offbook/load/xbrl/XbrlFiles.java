package org.offbook.load.xbrl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.offbook.model.Fact;
import org.offbook.model.FileStats;
import org.offbook.model.Problem;

/**
 * The XBRL documents of one load, for {@link org.offbook.load.FolderLoader}: files are recognised by
 * content during the folder walk, read as the loader meets them, and mapped to offbook facts by an
 * {@link XbrlFactMapper} once every other file is read.
 */
public final class XbrlFiles {

    private final Limits limits;
    private final List<XbrlDocument> documents = new ArrayList<>();

    public XbrlFiles(Limits limits) {
        this.limits = limits;
    }

    /** For the folder walk: true for an inline XBRL document or XBRL instance (by content; a misnamed .gz too, to be reported). */
    public static boolean isInput(Path file) {
        return XbrlReader.recognise(file) != null;
    }

    /** Reads {@code path} if it is XBRL; false when it is not (the loader reads it as usual). */
    public boolean read(String name, Path path, List<Problem> errors) {
        if (!XbrlReader.candidateName(path.getFileName().toString()) || XbrlReader.recognise(path) == null) {
            return false;
        }
        XbrlDocument doc = XbrlReader.read(name, path, limits);
        documents.add(doc);
        errors.addAll(doc.problems());
        return true;
    }

    /** The documents read, in file-name order. */
    public List<XbrlDocument> documents() {
        List<XbrlDocument> out = new ArrayList<>(documents);
        out.sort(java.util.Comparator.comparing(XbrlDocument::file));
        return List.copyOf(out);
    }

    /** Maps the documents to facts (added to {@code facts}) and returns the stats of the XBRL files. */
    public List<FileStats> finish(XbrlFactMapper mapper, List<Fact> facts, List<Problem> errors) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<XbrlDocument> docs = documents();
        List<Fact> mapped = mapper.map(docs, java.util.Collections.unmodifiableList(facts), errors);
        Map<String, Integer> read = new HashMap<>();
        for (Fact f : mapped) {
            read.merge(f.provenance().file(), 1, Integer::sum);
        }
        facts.addAll(mapped);
        List<FileStats> out = new ArrayList<>();
        for (XbrlDocument d : docs) {
            int n = read.getOrDefault(d.file(), 0);
            out.add(new FileStats(d.file(), d.kind().format(), n, n));
        }
        return out;
    }
}
