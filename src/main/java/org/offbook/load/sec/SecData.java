package org.offbook.load.sec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.offbook.model.Fact;
import org.offbook.model.FileStats;
import org.offbook.model.Problem;

/**
 * SEC EDGAR XBRL data in a checked folder, for {@link org.offbook.load.FolderLoader}: companyfacts
 * JSON documents (recognised by content), Financial Statement Data Set zips and extracted data-set
 * folders (sub.txt and num.txt). One instance per load: files are read as the loader meets them,
 * and {@link #finish} turns everything read into facts once the other files are read, so that SEC
 * filers link to the entities of the deal-term files. See {@code docs/sec-data.md}.
 */
public final class SecData {

    private ConceptMap concepts;
    private final List<Problem> tableErrors = new ArrayList<>();
    private final SecStore store = new SecStore();
    /** companyfacts files read: display name -> format. */
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, Path[]> folders = new TreeMap<>();
    private final Map<String, String[]> folderNames = new HashMap<>();
    private final Map<String, Path> zips = new LinkedHashMap<>();

    /** For the folder walk: true for a file the loader would otherwise skip that is SEC data (a data-set zip, sub.txt or num.txt of a data set). */
    public static boolean isInput(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return DataSets.isDataSetZip(file);
        }
        return DataSets.isDataSetMember(file);
    }

    /** The rule folders of the run, where the concept table is looked for (null: none given). */
    private final List<Path> ruleDirs;

    public SecData() {
        this(null);
    }

    /** SEC data of a run on {@code ruleDirs} (null when no rule folders were given). */
    public SecData(List<Path> ruleDirs) {
        this.ruleDirs = ruleDirs == null ? null : List.copyOf(ruleDirs);
    }

    private ConceptMap concepts() {
        if (concepts == null) {
            concepts = ConceptMap.load(ruleDirs, tableErrors);
        }
        return concepts;
    }

    /**
     * Reads an input file if it is SEC data; false when it is not (the loader reads it as usual).
     *
     * @param name the file as reported
     */
    public boolean read(String name, Path path, List<Problem> errors) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            if (!CompanyFacts.recognise(path)) {
                return false;
            }
            files.put(name, "json");
            CompanyFacts.read(name, path, concepts(), store, errors);
            return true;
        }
        if (lower.endsWith(".zip")) {
            zips.put(name, path);
            return true;
        }
        String base = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (base.equals(DataSets.SUB) || base.equals(DataSets.NUM)) {
            int slash = name.lastIndexOf('/');
            String folder = slash < 0 ? "." : name.substring(0, slash);
            Path[] members = folders.computeIfAbsent(folder, k -> new Path[2]);
            String[] names = folderNames.computeIfAbsent(folder, k -> new String[2]);
            int i = base.equals(DataSets.SUB) ? 0 : 1;
            members[i] = path;
            names[i] = name;
            return true;
        }
        return false;
    }

    /**
     * Reads the data sets met, builds the SEC facts and adds them to {@code facts} (linking filers
     * to the entities already in it); returns the stats of the SEC files read.
     */
    public List<FileStats> finish(List<Fact> facts, List<Problem> errors) {
        if (files.isEmpty() && zips.isEmpty() && folders.isEmpty()) {
            return List.of();
        }
        List<String> statFiles = new ArrayList<>();
        Map<String, String> formats = new HashMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            statFiles.add(e.getKey());
            formats.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Path> z : zips.entrySet()) {
            String zip = z.getKey();
            List<String> members = DataSets.readZip(zip, z.getValue(), concepts(), store, errors);
            List<String> shown = members.isEmpty() ? List.of(zip) : members;
            for (String m : shown) {
                statFiles.add(m);
                formats.put(m, "tsv");
            }
        }
        for (Map.Entry<String, Path[]> e : folders.entrySet()) {
            Path[] p = e.getValue();
            String[] n = folderNames.get(e.getKey());
            List<String> members = DataSets.readFolder(e.getKey(), p[0], n[0], p[1], n[1], concepts(), store, errors);
            List<String> shown = new ArrayList<>();
            if (members.isEmpty()) {
                for (String s : n) {
                    if (s != null) {
                        shown.add(s);
                    }
                }
            } else {
                shown.addAll(members);
            }
            for (String m : shown) {
                statFiles.add(m);
                formats.put(m, "tsv");
            }
        }
        errors.addAll(tableErrors);
        tableErrors.clear();
        List<Fact> built = SecFacts.build(store, concepts(), facts);
        Map<String, Integer> read = new HashMap<>();
        for (Fact f : built) {
            read.merge(f.provenance().file(), 1, Integer::sum);
        }
        facts.addAll(built);
        List<FileStats> out = new ArrayList<>();
        for (String f : statFiles) {
            int n = read.getOrDefault(f, 0);
            out.add(new FileStats(f, formats.get(f), n, n));
        }
        return out;
    }
}
