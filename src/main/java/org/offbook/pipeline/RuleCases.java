package org.offbook.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.offbook.engine.CompiledRules;
import org.offbook.engine.RuleRunner;
import org.offbook.model.Finding;
import org.offbook.load.FolderLoader;
import org.offbook.model.Json;
import org.offbook.model.Problem;
import org.offbook.load.LoadResult;

/**
 * Rule test cases kept as data beside each rule: {@code rules/<family>/<ID>.tests/<case>/} holds
 * input files in the ordinary formats and an {@code expected.json}:
 * <pre>
 * {
 *   "description": "what the case shows",
 *   "expect": [ {"rule": "SPV-001", "subject": "meta", "severity": "high", "contains": ["20%", "USD 27.3B"]} ],
 *   (an entry may give "kind": "not-assessed" for a gap; without it the finding must be a risk)
 *   "absent": [ {"rule": "SPV-001", "subject": "meta"} ]
 * }
 * </pre>
 * Each {@code expect} entry must match a finding (rule and subject; severity, text fragments of
 * the explanation and, with {@code "text"}, the exact explanation, when given); each {@code absent}
 * entry must match none (rule, and subject and text fragments when given). A case is closed-world
 * for the rule under test (the {@code <ID>} of its {@code <ID>.tests} folder): it lists every
 * finding of that rule, one {@code expect} entry each, and a finding of that rule no entry
 * claims fails the case ("unexpected finding"). The case's facts run against all rules of the rule
 * folders, with their thresholds; findings of the other rules are not part of the case.
 */
public final class RuleCases {

    public static final String EXPECTED = "expected.json";
    private static final ObjectMapper JSON = Json.MAPPER;

    /** One case and its outcome; {@code failures} is empty when it passed. */
    public record Outcome(String name, Path dir, String description, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private RuleCases() {
    }

    /** Every case folder (one holding an expected.json) under the rule folders, sorted. */
    public static List<Path> find(List<Path> ruleDirs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : ruleDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.getFileName().toString().equals(EXPECTED)).map(Path::getParent).sorted().forEach(out::add);
            }
        }
        return out;
    }

    public static Outcome run(CompiledRules rules, Path caseDir, String name) {
        List<String> failures = new ArrayList<>();
        JsonNode expected;
        try {
            expected = JSON.readTree(java.nio.file.Files.newInputStream(caseDir.resolve(EXPECTED)));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Outcome(name, caseDir, "", List.of(FolderLoader.displayName(caseDir.resolve(EXPECTED)) + ":" + line
                    + ": malformed expectation file: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return new Outcome(name, caseDir, "", List.of("cannot read " + EXPECTED + ": " + e.getMessage()));
        }
        String description = expected.path("description").asText("");
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(caseDir)) {
            files.filter(p -> !p.getFileName().toString().equals(EXPECTED)).sorted().forEach(inputs::add);
        } catch (IOException e) {
            failures.add("cannot list case folder: " + e.getMessage());
        }
        validateShape(expected, caseDir, failures);
        if (!failures.isEmpty()) {
            return new Outcome(name, caseDir, description, failures);
        }
        LoadResult loaded = FolderLoader.load(inputs);
        for (Problem e : loaded.errors()) {
            failures.add("input error: " + e);
        }
        Check.Evaluation result = Check.evaluate(rules, loaded.facts(), RuleRunner.Limits.DEFAULT);
        result.problems().forEach(p -> failures.add("rule problem: " + p.message()));
        List<Finding> findings = result.findings();
        String underTest = ruleUnderTest(caseDir);
        List<Finding> unclaimed = new ArrayList<>(findings.stream().filter(f -> f.ruleId().equals(underTest)).toList());
        for (JsonNode want : expected.path("expect")) {
            String rule = want.path("rule").asText();
            String subject = want.path("subject").asText();
            List<Finding> candidates = findings.stream()
                    .filter(f -> f.ruleId().equals(rule) && f.subject().equals(subject)).toList();
            if (candidates.isEmpty()) {
                failures.add("expected " + rule + " on " + subject + ", but it did not fire; findings were: " + summary(findings));
                continue;
            }
            // this entry claims the first finding it describes in full (or, failing that, on rule and subject)
            Finding claimed = candidates.stream().filter(f -> unclaimed.contains(f) && describes(want, f)).findFirst()
                    .orElse(candidates.stream().filter(unclaimed::contains).findFirst().orElse(null));
            unclaimed.remove(claimed);
            String exact = want.path("text").asText(null);
            if (exact != null && candidates.stream().noneMatch(f -> exact.equals(f.explanation()))) {
                failures.add("expected the explanation of " + rule + " on " + subject + " to be exactly:\n    " + exact + "\n  it was:\n    "
                        + (claimed != null ? claimed : candidates.get(0)).explanation());
            }
            String kind = want.path("kind").asText(Finding.RISK);
            if (candidates.stream().noneMatch(f -> f.framing().kind().equals(kind))) {
                failures.add("expected " + rule + " on " + subject + " of kind " + kind + ", found "
                        + candidates.stream().map(f -> f.framing().kind()).toList());
            }
            String severity = want.path("severity").asText(null);
            if (severity != null && candidates.stream().noneMatch(f -> f.severity().label().equals(severity.toLowerCase(Locale.ROOT)))) {
                failures.add("expected " + rule + " on " + subject + " with severity " + severity + ", found "
                        + candidates.stream().map(f -> f.severity().label()).toList());
            }
            for (JsonNode fragment : want.path("contains")) {
                String text = fragment.asText();
                if (candidates.stream().noneMatch(f -> f.explanation() != null && f.explanation().contains(text))) {
                    failures.add("expected the explanation of " + rule + " on " + subject + " to contain \"" + text + "\"; it was: "
                            + candidates.get(0).explanation());
                }
            }
        }
        for (Finding f : unclaimed) {
            failures.add("unexpected finding: " + f.ruleId() + " on " + f.subject() + " (" + f.severity().label()
                    + ") is not listed in " + EXPECTED + " (a case lists every finding of " + underTest
                    + "; add an \"expect\" entry if it is right): " + f.explanation());
        }
        for (JsonNode not : expected.path("absent")) {
            String rule = not.path("rule").asText();
            String subject = not.path("subject").asText(null);
            List<String> fragments = new ArrayList<>();
            not.path("contains").forEach(t -> fragments.add(t.asText()));
            for (Finding f : findings) {
                boolean text = fragments.stream().allMatch(t -> f.explanation() != null && f.explanation().contains(t));
                String kind = not.path("kind").asText(null); // absent of a kind: only findings of that kind count
                if (f.ruleId().equals(rule) && (subject == null || f.subject().equals(subject)) && text
                        && (kind == null || f.framing().kind().equals(kind))) {
                    failures.add("expected no " + rule + (subject == null ? "" : " on " + subject) + ", but it fired: " + f.explanation());
                }
            }
        }
        return new Outcome(name, caseDir, description, List.copyOf(failures));
    }

    /** The rule a case tests: {@code <ID>} of the {@code <ID>.tests} folder it is in; null for a case elsewhere. */
    static String ruleUnderTest(Path caseDir) {
        Path parent = caseDir.toAbsolutePath().normalize().getParent();
        String name = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        return name.endsWith(".tests") ? name.substring(0, name.length() - ".tests".length()) : null;
    }

    private static boolean describes(JsonNode want, Finding f) {
        if (!f.framing().kind().equals(want.path("kind").asText(Finding.RISK))) {
            return false;
        }
        String severity = want.path("severity").asText(null);
        if (severity != null && !f.severity().label().equals(severity.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String text = want.path("text").asText(null);
        if (text != null && !text.equals(f.explanation())) {
            return false;
        }
        for (JsonNode fragment : want.path("contains")) {
            if (f.explanation() == null || !f.explanation().contains(fragment.asText())) {
                return false;
            }
        }
        return true;
    }

    private static void validateShape(JsonNode expected, Path caseDir, List<String> failures) {
        String file = FolderLoader.displayName(caseDir.resolve(EXPECTED));
        if (!expected.isObject()) {
            failures.add(file + ": expected a JSON object with \"expect\" and/or \"absent\" lists");
            return;
        }
        expected.fieldNames().forEachRemaining(k -> {
            if (!List.of("description", "expect", "absent").contains(k)) {
                failures.add(file + ": unknown key '" + k + "' (description, expect, absent)");
            }
        });
        if (!expected.has("expect") && !expected.has("absent")) {
            failures.add(file + ": a case needs \"expect\" or \"absent\" entries");
        }
        for (String list : List.of("expect", "absent")) {
            JsonNode entries = expected.path(list);
            if (expected.has(list) && !entries.isArray()) {
                failures.add(file + ": '" + list + "' must be a list");
                continue;
            }
            int i = 0;
            for (JsonNode e : entries) {
                i++;
                if (!e.path("rule").isTextual() || (list.equals("expect") && !e.path("subject").isTextual())) {
                    failures.add(file + ": " + list + " entry " + i + " needs \"rule\"" + (list.equals("expect") ? " and \"subject\"" : ""));
                }
            }
        }
    }

    private static String summary(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "none";
        }
        return String.join(", ", findings.stream().map(f -> f.ruleId() + " on " + f.subject()).toList());
    }
}
