package org.offbook.load;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The default rule pack: the project's whole {@code rules/} folder (DRL, rule pages, thresholds, the
 * concept and disclosure tables and the rule cases) packaged inside the offbook jar under
 * {@code rules/}. A run with no {@code --rules}, no {@code rules/} in the working folder and no
 * {@code $OFFBOOK_HOME/rules} reads it, as a read-only folder; its files are named
 * {@code jar:rules/<path>} in messages and reports ({@link RuleTables#display}).
 */
public final class RulePack {

    /** The name of a file of the pack as reported starts with this. */
    public static final String PREFIX = "jar:";
    private static final String ROOT = "rules";
    private static final String MARKER = "/" + ROOT + "/thresholds.csv";

    private RulePack() {
    }

    /**
     * The pack as a folder: inside the jar, a folder of the jar's zip file system; when offbook runs
     * from a class folder (the build's own tests), {@code target/classes/rules}. Null when the class
     * path has no pack.
     */
    public static synchronized Path folder() {
        URL url = RulePack.class.getResource(MARKER);
        if (url == null) {
            return null;
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri).getParent();
            }
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException raced) {
                    fs = FileSystems.getFileSystem(uri);
                }
            }
            return fs.getPath("/" + ROOT);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The file a rule file's reported name stands for: {@code jar:rules/spv/SPV-001.drl} is that
     * file of the pack, any other name a path as written.
     */
    public static Path path(String shown) {
        if (shown.startsWith(PREFIX + ROOT + "/") || shown.equals(PREFIX + ROOT)) {
            Path pack = folder();
            if (pack != null && pack.getFileSystem() != FileSystems.getDefault()) {
                String rel = shown.substring((PREFIX + ROOT).length());
                return rel.isEmpty() ? pack : pack.resolve(rel.substring(1));
            }
        }
        return Path.of(shown);
    }
}
