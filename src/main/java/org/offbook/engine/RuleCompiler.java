package org.offbook.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.offbook.load.RulePack;
import org.offbook.load.RuleTables;
import org.offbook.model.RuleInfo;
import org.offbook.model.Threshold;
import org.offbook.model.Severity;
import org.offbook.model.Problem;
import org.offbook.model.RuleMessages;

/**
 * Compiles the DRL files of the rule folders at run time, the plain Drools way: a
 * {@link KieFileSystem}, a {@link KieBuilder} and a fresh {@link ReleaseId} per build. Compile
 * messages are mapped back to the user's file, line and column. A file that does not compile is
 * reported and left out, and the rest is built again, so the other rules still run. Every rule
 * must declare {@code @id @family @severity @title @standards}; ids are unique.
 */
public final class RuleCompiler {

    static final List<String> REQUIRED_METADATA = List.of("id", "family", "severity", "title", "standards");
    private static final Pattern LINE_COL = Pattern.compile("\\[?(?:ERR \\d+\\]\\s*)?Line (\\d+):(\\d+)\\s*");
    static final Pattern THRESHOLD_REF = Pattern.compile("Threshold\\s*\\(\\s*name\\s*==\\s*\"([^\"]+)\"");

    /** The thresholds the DRL file of {@code rule} refers to, by name, in order of first use. */
    public static List<String> thresholdNames(RuleInfo rule) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        try {
            java.util.regex.Matcher m = THRESHOLD_REF.matcher(java.nio.file.Files.readString(RulePack.path(rule.file())));
            while (m.find()) {
                names.add(m.group(1));
            }
        } catch (java.io.IOException e) {
            // the file was read moments ago to compile it; an unreadable file simply lists none
        }
        return List.copyOf(names);
    }
    private static final Pattern ID_FORMAT = Pattern.compile("[A-Z][A-Z0-9]*-\\d{3}(\\.\\d+)?");
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleCompiler() {
    }

    public static CompiledRules compile(List<Path> ruleDirs) {
        return compile(ruleDirs, RuleBaseCache.fromEnvironment());
    }

    /** Compiles, or takes the rule base from {@code cache} (null: no cache) when these DRL files were compiled before. */
    public static CompiledRules compile(List<Path> ruleDirs, RuleBaseCache cache) {
        List<Problem> errors = new ArrayList<>();
        Map<String, Path> drl = new TreeMap<>();        // kie path -> file on disk
        Map<String, String> display = new LinkedHashMap<>(); // kie path -> user's name for it
        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        for (int i = 0; i < ruleDirs.size(); i++) {
            Path dir = ruleDirs.get(i);
            String shown = RuleTables.display(dir); // a folder of the default pack in the jar: jar:rules
            if (!Files.isDirectory(dir)) {
                errors.add(Problem.of(shown, 0, null, "no such rule folder"));
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    String name = p.getFileName().toString();
                    if (rel.startsWith(".") || rel.contains("/.")) {
                        continue;
                    }
                    if (name.endsWith(".drl")) {
                        String kiePath = "offbook/d" + i + "/" + rel;
                        drl.put(kiePath, p);
                        display.put(kiePath, join(shown, rel));
                    } else if (name.equals(Thresholds.FILE)) {
                        Thresholds.read(p, join(shown, rel), thresholds, errors);
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                errors.add(Problem.of(shown, 0, null, "cannot read rule folder: " + e.getMessage()));
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : drl.entrySet()) {
            try {
                texts.put(e.getKey(), Files.readString(e.getValue(), StandardCharsets.UTF_8));
            } catch (java.nio.charset.CharacterCodingException ex) {
                errors.add(Problem.of(display.get(e.getKey()), 0, null,
                        "not valid UTF-8 text; save the file as UTF-8 (file left out; the other rule files still run)"));
            } catch (IOException ex) {
                errors.add(Problem.of(display.get(e.getKey()), 0, null, "cannot read: " + ex.getMessage()
                        + " (file left out; the other rule files still run)"));
            }
        }
        // a file in the old form (templates passed at run time) is refused before it compiles, with how to port it
        int read = texts.size();
        texts.entrySet().removeIf(e -> {
            List<Problem> old = MessageCheck.oldForm(display.get(e.getKey()), e.getValue());
            errors.addAll(old);
            return !old.isEmpty();
        });
        if (texts.isEmpty()) {
            if (read == 0) {
                errors.add(Problem.of(ruleDirs.isEmpty() ? "rules" : ruleDirs.get(0).toString(), 0, null, "no .drl rule files found"));
            }
            return new CompiledRules(null, List.of(), Thresholds.sorted(thresholds), Map.of(), Map.of(), List.of(), sorted(errors), false);
        }

        // package by package, from the cache where it has them: a rule edit recompiles one package
        Built built = byPackage(texts, cache);
        KieBase kieBase = built == null ? null : built.kieBase();
        boolean fromCache = built != null && built.fromCache();
        if (kieBase == null) {
            // some package does not compile on its own: all files together, the errors mapped to
            // their files, failed files left out (nothing is cached)
            kieBase = build(texts, display, errors);
        }
        List<RuleInfo> rules = new ArrayList<>();
        Map<String, String> ruleFiles = new TreeMap<>();
        Map<String, Integer> ruleLines = new TreeMap<>();
        if (kieBase != null) {
            validate(kieBase, texts, display, thresholds.keySet(), rules, ruleFiles, ruleLines, errors);
        }
        rules.sort((a, b) -> a.id().compareTo(b.id()));
        return new CompiledRules(kieBase, List.copyOf(rules), Thresholds.sorted(thresholds), ruleFiles, ruleLines,
                List.copyOf(display.values()), sorted(errors), fromCache);
    }

    private static String join(String dir, String rel) {
        return dir.equals(".") ? rel : dir + "/" + rel;
    }

    private record Built(KieBase kieBase, boolean fromCache) {
    }

    private static final Pattern PACKAGE = Pattern.compile("^\uFEFF?\\s*package\\s+([\\w.$]+)", Pattern.MULTILINE);

    /** The DRL files by package name (the unit Drools compiles together, and the unit cached), in file order. */
    static Map<String, Map<String, String>> groups(Map<String, String> texts) {
        Map<String, Map<String, String>> groups = new TreeMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Matcher m = PACKAGE.matcher(e.getValue());
            groups.computeIfAbsent(m.find() ? m.group(1) : "", k -> new TreeMap<>()).put(e.getKey(), e.getValue());
        }
        return groups;
    }

    /**
     * Each package from the cache, or compiled on its own (in parallel when several are missing)
     * and then cached; null when some package does not compile on its own (a syntax error, or a
     * reference to another package's function), for the caller to build all files together.
     */
    private static Built byPackage(Map<String, String> texts, RuleBaseCache cache) {
        List<KiePackage> packages = new ArrayList<>();
        List<String> hits = new ArrayList<>();
        Map<String, Map<String, String>> missing = new LinkedHashMap<>(); // cache key -> files
        for (Map<String, String> group : groups(texts).values()) {
            String key = RuleBaseCache.key(group);
            List<? extends KiePackage> cached = cache == null ? null : cache.loadPackages(key);
            if (cached != null) {
                packages.addAll(cached);
                hits.add(key);
            } else {
                missing.put(key, group);
            }
        }
        List<Collection<KiePackage>> compiled = compileEach(List.copyOf(missing.values()));
        int i = 0;
        for (String key : missing.keySet()) {
            Collection<KiePackage> c = compiled.get(i++);
            if (c == null) {
                return null;
            }
            if (cache != null) {
                cache.storePackages(key, c); // before the rule base takes them in
            }
            packages.addAll(c);
        }
        try {
            return new Built(RuleBaseCache.assemble(packages), missing.isEmpty());
        } catch (RuntimeException | LinkageError e) {
            // an entry that reads back but no longer fits (classes changed under the same version):
            // forget what came from the cache and build everything afresh
            if (cache != null) {
                hits.forEach(cache::forget);
                missing.keySet().forEach(cache::forget);
            }
            return null;
        }
    }

    /** Compiles each group of files on its own; null for a group with an error. */
    private static List<Collection<KiePackage>> compileEach(List<Map<String, String>> groups) {
        int threads = Math.min(groups.size(), Math.min(4, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
            List<Collection<KiePackage>> out = new ArrayList<>();
            groups.forEach(g -> out.add(compileAlone(g)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "offbook-compile");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Collection<KiePackage>>> futures = new ArrayList<>();
            for (Map<String, String> g : groups) {
                futures.add(pool.submit(() -> compileAlone(g)));
            }
            List<Collection<KiePackage>> out = new ArrayList<>();
            for (Future<Collection<KiePackage>> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    out.add(null); // reported by the build of all files together
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling rules", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One package's files through their own KieFileSystem, KieBuilder and ReleaseId; null on any error. */
    private static Collection<KiePackage> compileAlone(Map<String, String> texts) {
        try {
            return compileAloneOrThrow(texts);
        } catch (RuntimeException e) {
            return null; // the build of all files together reports it
        }
    }

    private static Collection<KiePackage> compileAloneOrThrow(Map<String, String> texts) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.offbook.user", "rules", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        texts.forEach((path, text) -> kfs.write("src/main/resources/" + path, text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            return null;
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Collection<String> kieBases = module.getKieModuleModel().getKieBaseModels().keySet();
        return kieBases.size() == 1 ? module.getKnowledgePackagesForKieBase(kieBases.iterator().next()) : null;
    }

    private static KieBase build(Map<String, String> texts, Map<String, String> display, List<Problem> errors) {
        KieServices ks = KieServices.Factory.get();
        Map<String, String> remaining = new LinkedHashMap<>(texts);
        // each pass leaves out at least one failed file, so this ends within one pass per file
        while (!remaining.isEmpty()) {
            ReleaseId releaseId = ks.newReleaseId("org.offbook.user", "rules", "1.0." + BUILDS.incrementAndGet());
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            for (Map.Entry<String, String> e : remaining.entrySet()) {
                kfs.write("src/main/resources/" + e.getKey(), e.getValue());
            }
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            Set<String> failed = new HashSet<>();
            boolean unattributed = false;
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                String path = m.getPath();
                if (m.getText().startsWith("Parser returned a null Package")) {
                    // follows a syntax error already reported for this file
                    if (path != null && remaining.containsKey(path)) {
                        failed.add(path);
                    } else {
                        unattributed = true;
                    }
                    continue;
                }
                if (path != null && remaining.containsKey(path)) {
                    // one error per file: Drools follows a mistake with messages about its consequences
                    // (the same expression analysed again for each rule part, the rule that no longer
                    // parses), which would report one typo several times
                    if (failed.add(path)) {
                        Problem e = withColumn(toError(display.get(path), m), remaining.get(path));
                        errors.add(new Problem(e.file(), e.line(), e.column(), null,
                                e.message() + " (file left out; the other rule files still run)"));
                    }
                } else {
                    unattributed = true;
                    errors.add(Problem.of("rules", 0, null, "rule build error: " + m.getText()));
                }
            }
            if (failed.isEmpty() && !unattributed) {
                return ks.newKieContainer(releaseId).getKieBase();
            }
            if (unattributed) {
                return null;
            }
            failed.forEach(remaining::remove);
        }
        return null;
    }

    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?)(?::|$)");

    /**
     * The column of an error Drools gave only a line for: where the expression it could not analyse
     * starts on that line ({@code Unable to Analyse Expression nosuchfield == 1}); else as given.
     */
    static Problem withColumn(Problem e, String text) {
        if (e.column() > 0 || e.line() <= 0) {
            return e;
        }
        Matcher m = EXPRESSION.matcher(e.message());
        String[] lines = text.split("\n", -1);
        if (!m.find() || e.line() > lines.length) {
            return e;
        }
        int at = lines[e.line() - 1].indexOf(m.group(1).strip());
        return at < 0 ? e : new Problem(e.file(), e.line(), at + 1, e.field(), e.message());
    }

    /** A Drools message as {@code file:line:column: text}, without Drools' own "Line l:c" prefix. */
    static Problem toError(String file, Message m) {
        String text = m.getText().replaceAll("\\s+", " ").strip();
        int line = m.getLine();
        int column = m.getColumn();
        Matcher lc = LINE_COL.matcher(text);
        if (lc.find()) {
            line = Integer.parseInt(lc.group(1));
            column = Integer.parseInt(lc.group(2)) + 1;
            text = (text.substring(0, lc.start()) + text.substring(lc.end())).strip();
        }
        text = text.replaceFirst("^\\[ERR \\d+\\]\\s*", "");
        return new Problem(file, Math.max(line, 0), Math.max(column, 0), null, text);
    }

    private static void validate(KieBase kieBase, Map<String, String> texts, Map<String, String> display,
                                 Set<String> thresholdNames, List<RuleInfo> rules, Map<String, String> ruleFiles,
                                 Map<String, Integer> ruleLines, List<Problem> errors) {
        Map<String, RuleInfo> byId = new TreeMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            all.addAll(p.getRules());
        }
        // file order, then line: the first definition of an id wins
        Map<Rule, String> fileOf = new java.util.HashMap<>();
        Map<Rule, Integer> lineOf = new java.util.HashMap<>();
        for (Rule r : all) {
            String kiePath = kiePath(r);
            fileOf.put(r, display.getOrDefault(kiePath, kiePath));
            lineOf.put(r, lineOf(texts.get(kiePath), r.getName()));
        }
        all.sort(java.util.Comparator.comparing((Rule r) -> fileOf.get(r)).thenComparing(r -> lineOf.get(r)));
        List<Rule> invalid = new ArrayList<>();
        for (Rule r : all) {
            String file = fileOf.get(r);
            int line = lineOf.get(r);
            ruleFiles.put(r.getPackageName() + "." + r.getName(), file);
            ruleLines.put(r.getPackageName() + "." + r.getName(), line);
            Map<String, Object> meta = r.getMetaData();
            List<String> problems = new ArrayList<>();
            for (String key : REQUIRED_METADATA) {
                Object v = meta.get(key);
                if (v == null || v.toString().isBlank()) {
                    problems.add("missing @" + key + "(\"...\")");
                }
            }
            String id = str(meta.get("id"));
            if (id != null && !ID_FORMAT.matcher(id).matches()) {
                problems.add("@id \"" + id + "\" should look like FAMILY-NNN, e.g. SPV-001");
            }
            if (meta.get("severity") != null) {
                try {
                    Severity.parse(meta.get("severity").toString());
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            Object amountKind = meta.get("amount");
            if (amountKind != null && !RuleMessages.AMOUNT_KINDS.contains(amountKind.toString().strip())) {
                problems.add("@amount(\"" + amountKind + "\") is not a kind of amount (" + String.join(", ", RuleMessages.AMOUNT_KINDS) + ")");
            }
            if (id != null && byId.containsKey(id)) {
                RuleInfo first = byId.get(id);
                problems.add("@id \"" + id + "\" is already used by rule '" + first.name() + "' at " + first.file() + ":" + first.line());
            }
            if (!problems.isEmpty()) {
                for (String pr : problems) {
                    errors.add(Problem.of(file, line, null, "rule '" + r.getName() + "': " + pr + "; rule not loaded"));
                }
                invalid.add(r);
                continue;
            }
            RuleMessages messages = RuleMessages.of(meta);
            Map<String, Class<?>> bindings = new TreeMap<>();
            if (r instanceof RuleImpl impl) {
                impl.getDeclarations().forEach((k, d) -> bindings.put(k.startsWith("$") ? k.substring(1) : k, d.getDeclarationClass()));
            }
            List<Problem> messageErrors = MessageCheck.check(r.getName(), messages, bindings, file,
                    ruleText(texts.get(kiePath(r)), line), line);
            if (!messageErrors.isEmpty()) {
                errors.addAll(messageErrors);
                invalid.add(r);
                continue;
            }
            List<String> standards = new ArrayList<>();
            for (String s : meta.get("standards").toString().split(";")) {
                if (!s.isBlank()) {
                    standards.add(s.strip());
                }
            }
            List<String> ifrs = new ArrayList<>();
            if (meta.get("ifrs") != null) {
                for (String s : meta.get("ifrs").toString().split(";")) {
                    if (!s.isBlank()) {
                        ifrs.add(s.strip());
                    }
                }
            }
            RuleInfo info = new RuleInfo(id, str(meta.get("family")), Severity.parse(meta.get("severity").toString()).label(),
                    str(meta.get("title")), List.copyOf(standards), r.getName(), file, line, docOf(file, id),
                    r.getPackageName() + "." + r.getName(), messages, List.copyOf(ifrs));
            byId.put(id, info);
            rules.add(info);
        }
        for (Rule r : invalid) {
            kieBase.removeRule(r.getPackageName(), r.getName());
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (!display.containsKey(e.getKey())) {
                continue;
            }
            String[] lines = e.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = THRESHOLD_REF.matcher(lines[i]);
                while (m.find()) {
                    if (!thresholdNames.contains(m.group(1))) {
                        errors.add(new Problem(display.get(e.getKey()), i + 1, m.start(1) + 1, null,
                                "threshold '" + m.group(1) + "' is not defined in any " + Thresholds.FILE
                                        + "; rules that use it can never fire"));
                    }
                }
            }
        }
    }

    /** The rule's doc page, {@code <ID>.md} beside its DRL file; null when there is none. */
    static String docOf(String drlFile, String id) {
        Path doc = RulePack.path(drlFile).resolveSibling(id + ".md");
        try {
            return Files.isRegularFile(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String kiePath(Rule r) {
        if (r instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            String p = impl.getResource().getSourcePath();
            return p.startsWith("src/main/resources/") ? p.substring("src/main/resources/".length()) : p;
        }
        return "";
    }

    /** The line of {@code rule "name"} in the DRL text (1-based); 0 when not found. */
    static int lineOf(String text, String ruleName) {
        if (text == null) {
            return 0;
        }
        Pattern p = Pattern.compile("^[ \\t]*rule\\s+\"?" + Pattern.quote(ruleName) + "\"?", Pattern.MULTILINE);
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A rule's text, from its {@code rule} line (1-based) to its {@code end} line; empty when unknown. */
    static String ruleText(String text, int line) {
        if (text == null || line <= 0) {
            return "";
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = line - 1; i < lines.length; i++) {
            out.append(lines[i]).append('\n');
            if (i > line - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return out.toString();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString().strip();
    }

    private static List<Problem> sorted(List<Problem> errors) {
        List<Problem> out = new ArrayList<>(errors);
        out.sort(null);
        return List.copyOf(out);
    }
}
