package org.offbook.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import org.offbook.model.Fact;
import org.offbook.load.sec.SecData;
import org.offbook.model.FileStats;
import org.offbook.model.Problem;
import org.offbook.model.ProgressListener;
import org.offbook.load.xbrl.Limits;
import org.offbook.load.xbrl.XbrlFactMapper;
import org.offbook.load.xbrl.XbrlFiles;

/**
 * Reads the input paths (files or folders, walked recursively in a stable, sorted order) into
 * facts. JSON documents and CSV tables are read; other files are listed as skipped; hidden files
 * and folders (names starting with '.') are ignored. A file that cannot be read is reported and
 * the others are still loaded. Entity references are resolved once every file is read.
 * SEC EDGAR data (companyfacts JSON, Financial Statement Data Set zips and folders) is read by
 * {@link SecData}.
 */
public final class FolderLoader {

    /** Files above this size are refused with a message rather than risking memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private FolderLoader() {
    }

    public static LoadResult load(List<Path> inputs) {
        return load(inputs, false, null, XbrlFactMapper.standard(), ProgressListener.NONE);
    }

    /** As {@link #load(List)}, reporting files read to {@code progress}. */
    public static LoadResult load(List<Path> inputs, ProgressListener progress) {
        return load(inputs, false, null, XbrlFactMapper.standard(), progress);
    }

    /** As {@link #load(List)}, with the XBRL documents turned into offbook facts by {@code xbrlMapper}. */
    public static LoadResult load(List<Path> inputs, XbrlFactMapper xbrlMapper) {
        return load(inputs, false, null, xbrlMapper, ProgressListener.NONE);
    }

    /** As {@link #load(List)}, following symbolic links out of the input folders or not. */
    public static LoadResult load(List<Path> inputs, boolean followLinks) {
        return load(inputs, followLinks, null, XbrlFactMapper.standard(), ProgressListener.NONE);
    }

    /** As {@link #load(List, boolean, List, XbrlFactMapper, ProgressListener)} with the standard XBRL mapping. */
    public static LoadResult load(List<Path> inputs, boolean followLinks, List<Path> ruleDirs, ProgressListener progress) {
        return load(inputs, followLinks, ruleDirs, XbrlFactMapper.standard(ruleDirs), progress);
    }

    /**
     * @param followLinks follow symbolic links that lead out of the folders given ({@code --follow-links});
     *                    by default they are skipped and listed
     * @param ruleDirs    the rule folders of the run: the tables users edit beside their rules (the SEC
     *                    concept table; the XBRL disclosure table through the standard mapper) are read
     *                    from there (null: no rule folders given, see {@link RuleTables})
     * @param xbrlMapper  turns the XBRL documents read into offbook facts
     * @param progress    told of each file read
     */
    public static LoadResult load(List<Path> inputs, boolean followLinks, List<Path> ruleDirs, XbrlFactMapper xbrlMapper,
                                  ProgressListener progress) {
        // at most CappedErrors.PER_FILE errors per file are kept, whatever reader gives them
        CappedErrors errors = new CappedErrors();
        Inputs found = new Inputs();
        found.followLinks = followLinks;
        for (Path input : inputs) {
            try {
                found.roots.add(input.toRealPath());
            } catch (IOException e) {
                // reported by collect
            }
        }
        for (Path input : inputs) {
            collect(input, found, errors);
        }
        TreeMap<String, Path> files = found.files;
        List<String> skipped = found.skipped;
        List<Fact> facts = new ArrayList<>();
        List<FileStats> stats = new ArrayList<>();
        XbrlFiles xbrl = new XbrlFiles(Limits.DEFAULT); // inline XBRL documents and XBRL instances (docs/sec-data.md)
        SecData sec = new SecData(ruleDirs); // SEC EDGAR data: companyfacts JSON, data-set zips and folders (docs/sec-data.md)
        progress.files(files.size());
        for (var e : files.entrySet()) {
            FileStats refused = refuse(e.getKey(), e.getValue(), errors);
            if (refused != null) {
                stats.add(refused);
            } else if (xbrl.read(e.getKey(), e.getValue(), errors)) {
                // read; mapped to facts once every other file is read
            } else if (!sec.read(e.getKey(), e.getValue(), errors)) {
                stats.add(readFile(e.getKey(), e.getValue(), facts, errors));
            }
            progress.fileRead(e.getKey(), facts.size());
        }
        stats.addAll(sec.finish(facts, errors)); // after the other files, so SEC filers link to their entities
        stats.addAll(xbrl.finish(xbrlMapper, facts, errors));
        stats.sort(Comparator.comparing(FileStats::file));
        progress.stage("resolve");
        References.Resolved r = References.resolve(facts, errors);
        List<Fact> sorted = new ArrayList<>(r.facts());
        sorted.sort(Comparator.comparing(Fact::provenance));
        // the same fact read twice (two files, or twice in one) is one fact: the first is kept
        List<Problem> notices = new ArrayList<>(r.notices());
        notices.addAll(found.notices);
        Duplicates.Result d = Duplicates.merge(sorted, errors, notices);
        List<Fact> resolved = new ArrayList<>(d.facts());
        // per-file loaded counts after reference and duplicate checks; an identical re-definition
        // (entity or other fact) counts as loaded in its file but is one fact
        Map<String, Integer> loaded = new HashMap<>();
        for (Fact f : resolved) {
            loaded.merge(f.provenance().file(), 1, Integer::sum);
        }
        for (Fact f : r.merged()) {
            loaded.merge(f.provenance().file(), 1, Integer::sum);
        }
        for (Fact f : d.merged()) {
            loaded.merge(f.provenance().file(), 1, Integer::sum);
        }
        List<FileStats> finalStats = new ArrayList<>();
        for (FileStats s : stats) {
            finalStats.add(new FileStats(s.file(), s.format(), s.read(), loaded.getOrDefault(s.file(), 0)));
        }
        resolved.sort(Comparator.comparing(Fact::provenance));
        errors.finish();
        errors.sort(null);
        skipped.sort(null);
        notices.sort(null);
        return new LoadResult(List.copyOf(resolved), List.copyOf(errors), List.copyOf(finalStats), List.copyOf(skipped),
                List.copyOf(notices), r.merged().size() + d.merged().size(), xbrl.documents());
    }

    /** The name a file is reported under: as the user gave it, with '/' separators. */
    public static String displayName(Path p) {
        return display(p);
    }

    static String display(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }

    /** The files to read by the name they are reported under; each real file once, however it was named. */
    private static final class Inputs {
        final TreeMap<String, Path> files = new TreeMap<>();
        final List<String> skipped = new ArrayList<>();
        final java.util.Set<Path> real = new java.util.HashSet<>();
        final List<Path> roots = new ArrayList<>();
        final List<Problem> notices = new ArrayList<>();
        boolean followLinks;

        /**
         * True when {@code p} is a symbolic link that leads out of every folder given and is not to be
         * followed: it is then listed as skipped, with a notice.
         */
        boolean leavesTheFolders(Path p) {
            if (followLinks || !Files.isSymbolicLink(p)) {
                return false;
            }
            Path target;
            try {
                target = p.toRealPath();
            } catch (IOException e) {
                return false; // a broken link: reported when it is read
            }
            for (Path root : roots) {
                if (target.startsWith(root)) {
                    return false;
                }
            }
            skipped.add(display(p));
            notices.add(Problem.of(display(p), 0, null, "a symbolic link to " + target
                    + ", outside the folders checked; not followed (--follow-links follows it)"));
            return true;
        }

        void accept(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".json") && !name.endsWith(".csv") && !SecData.isInput(file) && !XbrlFiles.isInput(file)) {
                skipped.add(display(file));
                return;
            }
            Path r;
            try {
                r = file.toRealPath();
            } catch (IOException e) {
                r = file.toAbsolutePath().normalize();
            }
            if (real.add(r)) {
                files.put(display(file), file);
            }
        }
    }

    private static void collect(Path input, Inputs found, List<Problem> errors) {
        if (!Files.exists(input)) {
            errors.add(Problem.of(display(input), 0, null, "no such file or folder"));
            return;
        }
        if (!Files.isDirectory(input)) {
            found.accept(input);
            return;
        }
        try {
            Files.walkFileTree(input, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(input)) {
                        return FileVisitResult.CONTINUE;
                    }
                    return hidden(dir) || found.leavesTheFolders(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!hidden(file) && !found.leavesTheFolders(file)) {
                        found.accept(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String why = e instanceof FileSystemLoopException ? "symbolic link loop; not followed" : "cannot read: " + e.getMessage();
                    errors.add(Problem.of(display(file), 0, null, why));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(Problem.of(display(input), 0, null, "cannot read folder: " + e.getMessage()));
        }
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * A name that leads to no readable file is reported and never opened: a broken symbolic link,
     * a pipe (opening one waits for a writer), a device or socket, a file we may not read.
     */
    private static FileStats refuse(String name, Path path, List<Problem> errors) {
        String why = !Files.exists(path) ? "cannot read: broken symbolic link (what it points to does not exist)"
                : !Files.isRegularFile(path) ? "not a regular file (a pipe, device or socket); not read"
                : !Files.isReadable(path) ? "cannot read: permission denied" : null;
        if (why == null) {
            return null;
        }
        errors.add(Problem.of(name, 0, null, why));
        String lower = name.toLowerCase(Locale.ROOT);
        return new FileStats(name, lower.endsWith(".json") ? "json" : lower.endsWith(".csv") ? "csv"
                : org.offbook.load.xbrl.XbrlReader.candidateName(lower) ? "xbrl" : "tsv", 0, 0);
    }

    private static FileStats readFile(String name, Path path, List<Fact> facts, List<Problem> errors) {
        String lower = name.toLowerCase(Locale.ROOT);
        String format = lower.endsWith(".json") ? "json" : "csv";
        try {
            if (!Files.isReadable(path)) {
                errors.add(Problem.of(name, 0, null, "cannot read: permission denied"));
                return new FileStats(name, format, 0, 0);
            }
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                errors.add(Problem.of(name, 0, null, "file is " + size / (1024 * 1024) + " MiB; the limit is "
                        + MAX_FILE_BYTES / (1024 * 1024) + " MiB; file not loaded"));
                return new FileStats(name, format, 0, 0);
            }
            int before = facts.size();
            int read;
            if (format.equals("json")) {
                try (InputStream in = Files.newInputStream(path)) {
                    read = JsonDocumentReader.read(name, in, facts, errors);
                }
            } else {
                String type = CsvTableReader.typeOf(path.getFileName().toString());
                if (type == null) {
                    errors.add(Problem.of(name, 0, null, "cannot tell the fact type from the file name; name CSV tables "
                            + "after their type, e.g. leases.csv or meta.leases.csv (types: "
                            + String.join(", ", org.offbook.model.FactTypes.BY_NAME.keySet()) + ")"));
                    return new FileStats(name, format, 0, 0);
                }
                CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(path), utf8))) {
                    read = CsvTableReader.read(name, type, in, facts, errors);
                }
            }
            return new FileStats(name, format, read, facts.size() - before);
        } catch (IOException e) {
            errors.add(Problem.of(name, 0, null, "cannot read: " + e.getMessage()));
            return new FileStats(name, format, 0, 0);
        }
    }

}
