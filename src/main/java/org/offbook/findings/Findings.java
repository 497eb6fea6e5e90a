package org.offbook.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;
import org.offbook.model.Derived;
import org.offbook.model.Entity;
import org.offbook.model.Evidence;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Finding;
import org.offbook.model.Money;
import org.offbook.model.RuleProblem;
import org.offbook.model.Severity;
import org.offbook.model.Threshold;

/**
 * The API rules use to report: the DRL global {@code findings}. In a rule's consequence:
 * <pre>
 * findings.report(kcontext)
 *     .subject($holder)                 // entity id the finding is about (required)
 *     .related($vehicle.id())           // other entities involved
 *     .amount($debt.amount())           // money at stake, if any
 *     .with("equityShare", $ratio)      // extra named values for the templates
 *     .explain("{holder|name} holds {stake.share|pct} of ...")
 *     .why("...")                       // why it matters
 *     .procedure("...");                // suggested audit procedure
 * </pre>
 * Rule metadata ({@code @id @family @severity @title @standards}) fills the rest. Evidence is
 * every fact the rule matched (and the facts behind derived ones), plus thresholds used.
 */
public final class Findings {

    private final Map<String, Entity> entities;
    private final Map<String, String> ruleFiles;
    private final Map<String, Integer> ruleLines;
    private final List<Builder> pending = new ArrayList<>();
    private final Set<RuleProblem> problems = new LinkedHashSet<>();

    /**
     * @param entities  the entities by id, to name them in explanations
     * @param ruleFiles rule name (package.name) to the DRL file it came from
     */
    public Findings(Map<String, Entity> entities, Map<String, String> ruleFiles, Map<String, Integer> ruleLines) {
        this.entities = entities;
        this.ruleFiles = ruleFiles;
        this.ruleLines = ruleLines;
    }

    public Builder report(RuleContext kcontext) {
        Builder b = new Builder(kcontext.getRule(), kcontext.getMatch());
        pending.add(b);
        return b;
    }

    /** The findings, built and de-duplicated, in report order: subject, severity (most severe first), rule, fingerprint. */
    public List<Finding> results() {
        // the same rule firing twice on the same facts is one finding; two different findings whose
        // facts cannot be told apart by their keys keep both, the second fingerprint salted by its text
        Map<String, Finding> byPrint = new LinkedHashMap<>();
        List<Finding> built = new ArrayList<>();
        for (Builder b : pending) {
            Finding f = b.build();
            if (f != null) {
                built.add(f);
            }
        }
        built.sort(ORDER.thenComparing(f -> String.valueOf(f.explanation())));
        for (Finding f : built) {
            Finding prior = byPrint.get(f.fingerprint());
            if (prior == null) {
                byPrint.put(f.fingerprint(), f);
            } else if (!java.util.Objects.equals(prior.explanation(), f.explanation())
                    || !java.util.Objects.equals(prior.evidence(), f.evidence())) {
                Finding salted = new Finding(fingerprint(f.fingerprint() + "\n" + f.explanation() + "\n" + f.evidence()), f.ruleId(),
                        f.family(), f.severity(), f.title(), f.subject(), f.subjectName(), f.entities(), f.amount(), f.explanation(),
                        f.why(), f.procedure(), f.standards(), f.evidence(), f.rule(), f.ruleFile(), f.triage());
                byPrint.putIfAbsent(salted.fingerprint(), salted);
            }
        }
        List<Finding> out = new ArrayList<>(byPrint.values());
        out.sort(ORDER);
        return out;
    }

    public List<RuleProblem> problems() {
        return List.copyOf(problems);
    }

    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::subjectName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Finding::subject)
            .thenComparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::fingerprint);

    /** An entity's name for its id (the id itself when unknown): {@code findings.name($lessee)} in a consequence. */
    public String name(String id) {
        return nameOf(id);
    }

    String nameOf(String id) {
        Entity e = entities.get(id);
        return e == null ? id : e.name();
    }

    /** Builds one finding; captured when the rule fires, completed when the run ends. */
    public final class Builder {
        private final Rule rule;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<Object> matched = new ArrayList<>();
        private final List<Object> extraEvidence = new ArrayList<>();
        private final List<String> related = new ArrayList<>();
        private String subject;
        private Money amount;
        private String severity;
        private String explain;
        private String why;
        private String procedure;

        Builder(Rule rule, Match match) {
            this.rule = rule;
            for (String id : match.getDeclarationIds()) {
                Object v = match.getDeclarationValue(id);
                values.put(id.startsWith("$") ? id.substring(1) : id, v);
            }
            matched.addAll(match.getObjects());
        }

        public Builder subject(String entityId) {
            this.subject = entityId;
            return this;
        }

        public Builder related(String... entityIds) {
            related.addAll(Arrays.asList(entityIds));
            return this;
        }

        public Builder amount(Money money) {
            this.amount = money;
            return this;
        }

        public Builder severity(String level) {
            this.severity = level;
            return this;
        }

        public Builder with(String name, Object value) {
            values.put(name, value);
            return this;
        }

        public Builder evidence(Object... facts) {
            extraEvidence.addAll(Arrays.asList(facts));
            return this;
        }

        public Builder explain(String template) {
            this.explain = template;
            return this;
        }

        public Builder why(String template) {
            this.why = template;
            return this;
        }

        public Builder procedure(String template) {
            this.procedure = template;
            return this;
        }

        private String meta(String key) {
            Object v = rule.getMetaData().get(key);
            return v == null ? null : v.toString().strip();
        }

        Finding build() {
            String ruleName = rule.getPackageName() + "." + rule.getName();
            String file = ruleFiles.getOrDefault(ruleName, "");
            int line = ruleLines.getOrDefault(ruleName, 0);
            String id = meta("id");
            if (subject == null) {
                problems.add(new RuleProblem(id, file, line, "rule '" + rule.getName() + "' reported a finding without .subject(...)"));
                return null;
            }
            Severity level;
            try {
                level = Severity.parse(severity != null ? severity : meta("severity"));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(id, file, line, "rule '" + rule.getName() + "': " + e.getMessage()));
                return null;
            }
            List<String> unknown = new ArrayList<>();
            String explanation = render(explain, unknown);
            String whyText = render(why, unknown);
            String procedureText = render(procedure, unknown);
            for (String u : unknown) {
                problems.add(new RuleProblem(id, file, line, "rule '" + rule.getName() + "': template refers to unknown value {" + u + "}"));
            }
            if (explanation == null) {
                problems.add(new RuleProblem(id, file, line, "rule '" + rule.getName() + "' reported a finding without .explain(...)"));
            }

            Set<Evidence> evidence = new TreeSet<>();
            Set<String> factKeys = new TreeSet<>();
            for (Object o : matched) {
                collect(o, evidence, factKeys);
            }
            for (Object o : extraEvidence) {
                collect(o, evidence, factKeys);
            }
            LinkedHashSet<String> involved = new LinkedHashSet<>();
            involved.add(subject);
            involved.addAll(related);
            List<String> standards = new ArrayList<>();
            String std = meta("standards");
            if (std != null) {
                for (String s : std.split(";")) {
                    if (!s.isBlank()) {
                        standards.add(s.strip());
                    }
                }
            }
            List<String> sortedRelated = new ArrayList<>(new TreeSet<>(related));
            sortedRelated.remove(subject);
            String print = fingerprint(id + "\n" + subject + "\n" + String.join(",", sortedRelated) + "\n" + String.join("\n", factKeys));
            return new Finding(print, id, meta("family"), level, meta("title"), subject, nameOf(subject),
                    List.copyOf(involved), amount, explanation, whyText, procedureText, List.copyOf(standards),
                    List.copyOf(evidence), rule.getName(), file, Finding.Triage.NEW);
        }

        private String render(String template, List<String> unknown) {
            if (template == null) {
                return null;
            }
            return Template.render(template, name -> values.containsKey(name) ? values.get(name) : Template.MISSING,
                    Findings.this::nameOf, unknown);
        }
    }

    private static void collect(Object o, Set<Evidence> evidence, Set<String> keys) {
        if (o instanceof Fact f) {
            evidence.add(new Evidence(f.provenance().file(), f.provenance().line(), FactTypes.label(f.getClass()), describe(f), f.source()));
            keys.add(FactTypes.key(f));
        } else if (o instanceof Derived d) {
            for (Fact f : d.basis()) {
                collect(f, evidence, keys);
            }
        } else if (o instanceof Threshold t) {
            evidence.add(new Evidence(t.provenance().file(), t.provenance().line(), "threshold",
                    t.name() + " = " + t.value().toPlainString(), t.reason()));
        } else if (o instanceof Iterable<?> it) {
            for (Object x : it) {
                collect(x, evidence, keys);
            }
        }
    }

    /** A fact in a few words: its identifying fields. */
    static String describe(Fact f) {
        String key = FactTypes.key(f);
        String[] parts = key.split("\\|", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(parts[i]);
            }
        }
        return sb.toString();
    }

    static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
