package org.offbook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of a run goes, from a Java Flight Recorder file: CPU samples by pipeline stage
 * (stages from the run's own timeline), and within each stage the hottest methods (top of stack)
 * and the offbook code they were called from, plus garbage-collection pauses by stage.
 * JFR ships with the JDK; no profiler needs to be installed.
 */
final class Profile {

    /** The JFR settings used: method samples every 10 ms and GC events, nothing heavier. */
    static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="offbook bench" description="method samples and GC pauses">
              <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
              <event name="jdk.GarbageCollection"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
            </configuration>
            """;

    /** Classes that only call the stages: a sample under them alone says nothing more than its stage. */
    private static final java.util.Set<String> PIPELINE = java.util.Set.of("org.offbook.pipeline.Check", "org.offbook.engine.RuleRunner",
            "org.offbook.load.FolderLoader");

    private Profile() {
    }

    static Path writeSettings(Path dir) throws IOException {
        Path p = dir.resolve("bench-profile.jfc");
        Files.writeString(p, SETTINGS, StandardCharsets.UTF_8);
        return p;
    }

    /** One stage of the run: its name and when it started (epoch ms). */
    record Mark(String stage, long startMs) {
    }

    /** The summary, as Markdown. */
    static String summarize(Path jfr, List<Mark> timeline, int top) throws IOException {
        Map<String, Integer> samplesByStage = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> hot = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> callers = new LinkedHashMap<>();
        Map<String, Double> gcByStage = new LinkedHashMap<>();
        for (Mark m : timeline) {
            samplesByStage.put(m.stage(), 0);
            hot.put(m.stage(), new HashMap<>());
            callers.put(m.stage(), new HashMap<>());
            gcByStage.put(m.stage(), 0.0);
        }
        int total = 0;
        try (RecordingFile f = new RecordingFile(jfr)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                String type = e.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    String stage = stageAt(timeline, e.getStartTime());
                    if (stage != null) {
                        gcByStage.merge(stage, e.getDuration().toNanos() / 1e6, Double::sum);
                    }
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                String stage = stageAt(timeline, e.getStartTime());
                if (stage == null || stage.startsWith("(")) {
                    continue;
                }
                total++;
                samplesByStage.merge(stage, 1, Integer::sum);
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                hot.get(stage).merge(name(frames.get(0)), 1, Integer::sum);
                String caller = "(no offbook frame: Drools or the JDK)";
                for (RecordedFrame fr : frames) {
                    String cls = fr.getMethod().getType().getName();
                    if (cls.startsWith("org.offbook.") && !PIPELINE.contains(cls) && !cls.startsWith("org.offbook.bench.")
                            && !cls.startsWith("org.offbook.cli.") && !cls.contains("$$Lambda")) {
                        caller = name(fr);
                        break;
                    }
                }
                callers.get(stage).merge(caller, 1, Integer::sum);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d CPU samples (10 ms, all threads in Java code); GC pauses are not samples.%n%n", total));
        sb.append("| stage | samples | share | GC pauses s | hottest methods (samples) | from offbook code (samples) |\n");
        sb.append("|---|---:|---:|---:|---|---|\n");
        for (Mark m : timeline) {
            String s = m.stage();
            int n = samplesByStage.get(s);
            if (s.startsWith("(") || n == 0 && gcByStage.get(s) < 1) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %.0f%% | %.2f | %s | %s |%n", s, n, total == 0 ? 0 : 100.0 * n / total,
                    gcByStage.get(s) / 1000, topOf(hot.get(s), top), topOf(callers.get(s), top)));
        }
        return sb.toString();
    }

    private static String stageAt(List<Mark> timeline, Instant t) {
        long ms = t.toEpochMilli();
        String stage = null;
        for (Mark m : timeline) {
            if (m.startMs() <= ms) {
                stage = m.stage();
            } else {
                break;
            }
        }
        return stage;
    }

    private static String name(RecordedFrame f) {
        String cls = f.getMethod().getType().getName();
        int dot = cls.lastIndexOf('.');
        return cls.substring(dot + 1) + "." + f.getMethod().getName();
    }

    private static String topOf(Map<String, Integer> counts, int n) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
        list.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, list.size()); i++) {
            sb.append(i == 0 ? "" : "; ").append(list.get(i).getKey().replace("|", "\\|")).append(" (").append(list.get(i).getValue()).append(')');
        }
        return sb.toString();
    }
}
