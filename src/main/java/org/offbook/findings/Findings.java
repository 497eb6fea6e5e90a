package org.offbook.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.offbook.model.Citations;
import org.offbook.model.Derived;
import org.offbook.model.Entity;
import org.offbook.model.Fact;
import org.offbook.model.FactTypes;
import org.offbook.model.Money;
import org.offbook.model.Threshold;
import org.offbook.engine.RuleHit;
import org.offbook.model.RuleInfo;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.model.Problem;
import org.offbook.model.Severity;

/**
 * Turns rule hits ({@link RuleHit}: what a rule matched and supplied, captured by the engine's
 * reporter) into findings: the rule's declared messages filled with the hit's values, its metadata,
 * the evidence (every fact the rule matched, the facts behind derived ones, and the thresholds
 * used) and a stable fingerprint.
 */
public final class Findings {

    private final Map<String, Entity> entities;
    private final Set<Problem> problems = new LinkedHashSet<>();

    /** @param entities the entities by id, to name them in explanations */
    public Findings(Map<String, Entity> entities) {
        this.entities = entities;
    }

    /** The findings, built and de-duplicated, in report order: subject, severity (most severe first), rule, fingerprint. */
    public List<Finding> results(List<RuleHit> hits) {
        // the same rule firing twice on the same facts is one finding; two different findings whose
        // facts cannot be told apart by their keys keep both, the second fingerprint salted by its text
        Map<String, Finding> byPrint = new LinkedHashMap<>();
        List<Finding> built = new ArrayList<>();
        for (RuleHit h : hits) {
            Finding f = build(h);
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
                        f.why(), f.procedure(), f.standards(), f.evidence(), f.rule(), f.ruleFile(), f.triage(), f.framing());
                byPrint.putIfAbsent(salted.fingerprint(), salted);
            }
        }
        List<Finding> out = new ArrayList<>(byPrint.values());
        out.sort(ORDER);
        return out;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::subjectName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Finding::subject)
            .thenComparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::fingerprint);

    String nameOf(String id) {
        Entity e = entities.get(id);
        return e == null ? id : e.name();
    }

    private Finding build(RuleHit hit) {
        RuleInfo rule = hit.rule();
        String file = rule.file();
        int line = rule.line();
        String id = rule.id();
        if (hit.subject() == null) {
            problems.add(Problem.rule(id, file, line, "rule '" + rule.name() + "' reported a finding without .subject(...)"));
            return null;
        }
        Severity level;
        boolean gap = hit.notAssessed();
        try {
            // a not-assessed finding carries no risk level of its own: info, and kept out of the risk counts
            level = gap ? Severity.INFO : Severity.parse(hit.severity() != null ? hit.severity() : rule.severity());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.rule(id, file, line, "rule '" + rule.name() + "': " + e.getMessage()));
            return null;
        }
        List<String> unknown = new ArrayList<>();
        Entity subjectEntity = entities.get(hit.subject());
        boolean ifrs = subjectEntity != null && subjectEntity.reportsIfrs();
        // a gap is explained by the rule's @gap; a rule that declares none explains it with its @explain sections
        String explanation = gap && rule.messages().gap() != null ? render(hit, "gap", unknown, ifrs) : render(hit, "explain", unknown, ifrs);
        String missing = gap ? renderText(hit, hit.missing(), unknown) : null;
        String whyText = render(hit, "why", unknown, ifrs);
        String procedureText = render(hit, "procedure", unknown, ifrs);
        for (String u : unknown) {
            problems.add(Problem.rule(id, file, line, "rule '" + rule.name() + "': template refers to unknown value {" + u + "}"));
        }
        if (explanation == null) {
            problems.add(Problem.rule(id, file, line, "rule '" + rule.name() + "' reported a finding without an explanation "
                    + "(declare @explain(\"...\"))"));
        } else if (ifrs && !Citations.citesIfrs(explanation)) {
            // US GAAP citations are checked by 'rules verify'; a finding on an IFRS reporter must not cite US GAAP alone
            problems.add(Problem.rule(id, file, line, "rule '" + rule.name() + "': its finding on " + hit.subject() + ", which reports under "
                    + "IFRS, cites no IFRS or IAS paragraph in its explanation (declare @ifrs and word it in {?ifrs}...{/ifrs})"));
        }

        Set<Evidence> evidence = new TreeSet<>();
        Set<String> factKeys = new TreeSet<>();
        for (Object o : hit.matched()) {
            collect(o, evidence, factKeys);
        }
        for (Object o : hit.evidence()) {
            collect(o, evidence, factKeys);
        }
        String subject = hit.subject();
        LinkedHashSet<String> involved = new LinkedHashSet<>();
        involved.add(subject);
        involved.addAll(hit.related());
        List<String> sortedRelated = new ArrayList<>(new TreeSet<>(hit.related()));
        sortedRelated.remove(subject);
        String print = fingerprint(id + "\n" + subject + "\n" + String.join(",", sortedRelated) + "\n" + String.join("\n", factKeys)
                + (gap ? "\n" + Finding.NOT_ASSESSED : ""));
        String amountKind = hit.amount() == null ? null : hit.amountKind() != null ? hit.amountKind() : rule.messages().amount();
        if (amountKind != null && !org.offbook.model.RuleMessages.AMOUNT_KINDS.contains(amountKind)) {
            problems.add(Problem.rule(id, file, line, "rule '" + rule.name() + "': '" + amountKind + "' is not a kind of amount ("
                    + String.join(", ", org.offbook.model.RuleMessages.AMOUNT_KINDS) + ")"));
            amountKind = null;
        }
        Finding.Framing framing = new Finding.Framing(gap ? Finding.NOT_ASSESSED : Finding.RISK, missing, amountKind, null, null,
                List.of(), true, hit.assumed(), rule.messages().partOf(),
                rule.messages().sizeGraded());
        return new Finding(print, id, rule.family(), level, rule.title(), subject, nameOf(subject),
                List.copyOf(involved), hit.amount(), explanation, whyText, procedureText, rule.standardsFor(ifrs),
                List.copyOf(evidence), rule.name(), file, Finding.Triage.NEW, framing);
    }

    /** A rule-written text (not input) filled with the hit's values, as the messages are. */
    private String renderText(RuleHit hit, String template, List<String> unknown) {
        Map<String, Object> values = hit.values();
        return Template.render(template, name -> values.containsKey(name) ? values.get(name) : Template.MISSING, this::nameOf, unknown);
    }

    /** The rule's declared template, filled with the hit's values and the built-in {@code ifrs}; null when the rule declares none. */
    private String render(RuleHit hit, String key, List<String> unknown, boolean ifrs) {
        String template = hit.rule().messages().get(key);
        if (template == null) {
            return null;
        }
        Map<String, Object> values = hit.values();
        return Template.render(template, name -> values.containsKey(name) ? values.get(name)
                : name.equals("ifrs") ? ifrs : Template.MISSING, this::nameOf, unknown);
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
