package org.offbook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.offbook.load.xbrl.Limits;
import org.offbook.load.xbrl.XbrlDocument;
import org.offbook.load.xbrl.XbrlReader;

/**
 * Throughput of the XBRL reader in a warm JVM (docs/performance.md, "XBRL reader"): reads every
 * inline XBRL document and instance in a folder, as given (.gz) and uncompressed, warm-up rounds
 * first, then measured rounds; prints, per file, the median wall time and the median CPU time of the
 * reading thread, and MB/s of document text (uncompressed bytes) by each. One thread: CPU-time MB/s
 * is the throughput of one core, whatever else the machine runs; wall-time MB/s is what a user
 * waits for on this machine now. Run with {@code scripts/bench-xbrl.sh}.
 */
public final class XbrlBench {

    private XbrlBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/sec/ixbrl");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        run(dir, warmup, rounds, System.out);
    }

    static void run(Path dir, int warmup, int rounds, PrintStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> XbrlReader.recognise(p) != null).sorted().toList();
        }
        Path tmp = Files.createTempDirectory("xbrl-bench");
        try {
            List<Path> plain = new ArrayList<>();
            for (Path f : files) {
                if (f.getFileName().toString().endsWith(".gz")) {
                    String n = f.getFileName().toString();
                    Path p = tmp.resolve(n.substring(0, n.length() - 3));
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                        Files.copy(in, p);
                    }
                    plain.add(p);
                }
            }
            out.printf(Locale.ROOT, "XBRL reader, %d warm-up and %d measured rounds, one thread; %s, %s%n", warmup, rounds,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), Bench.cpuModel());
            out.printf(Locale.ROOT, "%-36s %7s %7s %9s %9s %10s %10s%n", "file", "MB", "facts", "wall ms", "cpu ms", "MB/s wall", "MB/s cpu");
            report(files, plain, warmup, rounds, out);
        } finally {
            try (Stream<Path> s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    /** Bytes of document text: the size of the file, or of what it uncompresses to. */
    private static long uncompressed(Path p) throws IOException {
        if (!p.getFileName().toString().endsWith(".gz")) {
            return Files.size(p);
        }
        long n = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
            }
        }
        return n;
    }

    private static void report(List<Path> gz, List<Path> plain, int warmup, int rounds, PrintStream out) throws IOException {
        List<Path> all = new ArrayList<>(gz);
        all.addAll(plain);
        long[] bytes = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            bytes[i] = uncompressed(all.get(i));
        }
        for (int w = 0; w < warmup; w++) {
            for (Path p : all) {
                XbrlReader.read(p, Limits.DEFAULT);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long totalBytes = 0;
        long totalWall = 0;
        long totalCpu = 0;
        for (int i = 0; i < all.size(); i++) {
            Path p = all.get(i);
            long[] wall = new long[rounds];
            long[] cpu = new long[rounds];
            XbrlDocument d = null;
            for (int r = 0; r < rounds; r++) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                d = XbrlReader.read(p, Limits.DEFAULT);
                wall[r] = System.nanoTime() - s;
                cpu[r] = threads.getCurrentThreadCpuTime() - c;
            }
            if (!d.problems().isEmpty()) {
                throw new IllegalStateException(p + ": " + d.problems().get(0));
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            long w = wall[rounds / 2];
            long c = cpu[rounds / 2];
            double mb = bytes[i] / 1e6;
            out.printf(Locale.ROOT, "%-36s %7.2f %7d %9.1f %9.1f %10.1f %10.1f%n", p.getFileName(), mb, d.facts().size(), w / 1e6, c / 1e6,
                    mb / (w / 1e9), mb / (c / 1e9));
            totalBytes += bytes[i];
            totalWall += w;
            totalCpu += c;
        }
        out.printf(Locale.ROOT, "%-36s %7.2f %7s %9.1f %9.1f %10.1f %10.1f%n", "all (sums of medians)", totalBytes / 1e6, "", totalWall / 1e6,
                totalCpu / 1e6, totalBytes / 1e6 / (totalWall / 1e9), totalBytes / 1e6 / (totalCpu / 1e9));
        out.printf(Locale.ROOT, "load average during the run: %.1f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
