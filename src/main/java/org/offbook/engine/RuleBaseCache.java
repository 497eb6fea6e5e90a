package org.offbook.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.offbook.model.Version;

/**
 * Caches compiled rule packages so that repeated runs skip DRL compilation, and a run after a rule
 * edit compiles only the edited package. An entry holds the compiled packages of one group of DRL
 * files (the files of one DRL package) and is keyed by the SHA-256 of their paths and contents,
 * offbook's version, the Drools version and the JVM; any change to a file gives its group a new
 * key, so a stale entry is never used. The cache folder is the
 * user's own ({@code $OFFBOOK_CACHE_DIR}, else {@code $XDG_CACHE_HOME/offbook}, else
 * {@code ~/.cache/offbook}), created private (0700): an entry holds compiled rule code, as
 * trusted as the DRL it came from. The key includes the build ({@link BuildId}), so two builds of
 * one version never share entries. Entries are written 0600 under unpredictable names without
 * following links, carry a SHA-256 checksum that is verified before use, and one that cannot be
 * read or used is deleted and rebuilt.
 */
public final class RuleBaseCache {

    static final String DROOLS_VERSION = Version.drools();
    private static final int KEEP = 512; // entries of about 60 KB: a few dozen versions of a rule set

    private final Path dir;

    public RuleBaseCache(Path dir) {
        this.dir = dir;
    }

    /** The default cache, or null when caching is switched off ({@code OFFBOOK_CACHE=off}). */
    public static RuleBaseCache fromEnvironment() {
        if ("off".equalsIgnoreCase(System.getenv("OFFBOOK_CACHE"))) {
            return null;
        }
        String explicit = System.getenv("OFFBOOK_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return new RuleBaseCache(Path.of(explicit));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return new RuleBaseCache(Path.of(xdg).resolve("offbook"));
        }
        // no passwd entry and no HOME: Java's user.home is "?"; a relative cache would land in the working folder
        String home = System.getenv("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        if (home == null || home.isBlank() || !Path.of(home).isAbsolute()) {
            return null;
        }
        return new RuleBaseCache(Path.of(home, ".cache", "offbook"));
    }

    /** The key of a set of DRL texts (kie path to text). */
    static String key(Map<String, String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, "offbook " + Version.get() + "; build " + BuildId.get() + "; drools " + DROOLS_VERSION
                    + "; java " + System.getProperty("java.vm.version"));
            for (Map.Entry<String, String> e : texts.entrySet()) {
                update(sha, e.getKey());
                update(sha, e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(b);
    }

    private Path entry(String key) {
        return dir.resolve("rules-" + key + ".bin");
    }

    private int hits;
    private int misses;

    /**
     * The cached packages for this key, or null. The entry is used only from a folder and a file
     * that are ours and private, and only when its checksum matches: a changed byte, a truncated
     * write or an entry that cannot be read makes it a miss, and it is deleted and rebuilt.
     */
    List<InternalKnowledgePackage> loadPackages(String key) {
        Path file = entry(key);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !privateToUs(dir, true) || !privateToUs(file, false)) {
            count(false);
            return null;
        }
        try {
            byte[] all = Files.readAllBytes(file);
            byte[] payload = verified(all);
            if (payload == null) {
                throw new IOException("checksum mismatch");
            }
            try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(payload),
                    RuleBaseCache.class.getClassLoader())) {
                @SuppressWarnings("unchecked")
                List<InternalKnowledgePackage> packages = new ArrayList<>((Collection<InternalKnowledgePackage>) in.readObject());
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
                count(true);
                return packages;
            }
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a cache we cannot clean is still only a cache
            }
            count(false);
            return null;
        }
    }

    private static final byte[] MAGIC = "offbook-rules-1\n".getBytes(StandardCharsets.US_ASCII);

    /** The payload of an entry ({@code MAGIC}, SHA-256 of the payload, payload) when its checksum holds; else null. */
    static byte[] verified(byte[] entry) {
        int head = MAGIC.length + 32;
        if (entry.length < head || !java.util.Arrays.equals(entry, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        byte[] payload = java.util.Arrays.copyOfRange(entry, head, entry.length);
        byte[] sum = sha256(payload);
        return java.security.MessageDigest.isEqual(sum, java.util.Arrays.copyOfRange(entry, MAGIC.length, head)) ? payload : null;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes an entry (one that could not be used); failures are ignored. */
    void forget(String key) {
        try {
            Files.deleteIfExists(entry(key));
        } catch (IOException e) {
            // a cache we cannot clean is still only a cache
        }
    }

    private synchronized void count(boolean hit) {
        if (hit) {
            hits++;
        } else {
            misses++;
        }
    }

    /** Entries found (and read) by this instance so far. */
    synchronized int hits() {
        return hits;
    }

    /** Entries looked for and not found (or not readable) by this instance so far. */
    synchronized int misses() {
        return misses;
    }

    /** A rule base of these packages (from the cache or just compiled), in package-name order. */
    static KieBase assemble(Collection<? extends KiePackage> packages) {
        List<InternalKnowledgePackage> sorted = new ArrayList<>();
        for (KiePackage p : packages) {
            sorted.add((InternalKnowledgePackage) p);
        }
        sorted.sort(Comparator.comparing(KiePackage::getName));
        InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase();
        kbase.addPackages(sorted);
        return kbase;
    }

    /**
     * An entry is compiled code, loaded by deserialisation: it is used only from a folder and a file
     * that are ours and that no one else may write. A shared or world-writable cache folder would
     * let another user run code as us.
     */
    static boolean privateToUs(Path p, boolean followLinks) {
        try {
            java.nio.file.attribute.PosixFileAttributes a = followLinks
                    ? Files.readAttributes(p, java.nio.file.attribute.PosixFileAttributes.class)
                    : Files.readAttributes(p, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (a.permissions().contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    || a.permissions().contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                return false;
            }
            try {
                return a.owner().equals(p.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name")));
            } catch (IOException e) {
                return true; // no name for this user (a container without a passwd entry): permissions checked above
            }
        } catch (UnsupportedOperationException e) {
            return true; // not a POSIX file system: the folder keeps the platform's protections
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Stores compiled packages; failures are ignored (the cache only saves time). Nothing is written
     * into a folder that is not ours and private. The entry is written to a new file with an
     * unpredictable name, created exclusively (a planted link at that name is never followed) and
     * readable by us only (0600, whatever the umask), then renamed into place.
     */
    void storePackages(String key, Collection<? extends KiePackage> compiled) {
        Path tmp = null;
        try {
            if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder keeps the platform's defaults
                }
            }
            if (!Files.isDirectory(dir) || !privateToUs(dir, true)) {
                return; // someone else's folder, or one others may write: never write compiled code there
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                List<KiePackage> packages = new ArrayList<>(compiled);
                packages.sort(Comparator.comparing(KiePackage::getName));
                out.writeObject(packages);
            }
            byte[] payload = bytes.toByteArray();
            Path target = entry(key);
            // createTempFile: a random name, O_CREAT|O_EXCL (no link followed), mode 0600 on POSIX
            tmp = Files.createTempFile(dir, ".rules-", ".tmp");
            try (var out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                out.write(MAGIC);
                out.write(sha256(payload));
                out.write(payload);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune();
        } catch (IOException | RuntimeException e) {
            // caching is an optimisation: never fail a run because of it
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // only a cache
                }
            }
        }
    }

    /** Keeps the most recently used entries. */
    private void prune() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> entries = files.filter(p -> p.getFileName().toString().startsWith("rules-") && p.toString().endsWith(".bin"))
                    .sorted(Comparator.comparing((Path p) -> {
                        try {
                            return Files.getLastModifiedTime(p).toMillis();
                        } catch (IOException e) {
                            return 0L;
                        }
                    }).reversed()).toList();
            for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
                Files.deleteIfExists(old);
            }
        }
    }
}
