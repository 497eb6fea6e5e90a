package org.offbook.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;
import org.offbook.model.Money;
import org.offbook.model.RuleInfo;
import org.offbook.model.RuleMessages;

/**
 * The DRL global {@code findings} rules report through. A rule declares its messages with its
 * metadata ({@link RuleMessages}); its consequence supplies values only:
 * <pre>
 * then
 *     findings.report(kcontext)
 *         .subject($holder)                 // entity id the finding is about (required)
 *         .related($vehicle.id())           // other entities involved
 *         .amount($debt.amount())           // money at stake, if any
 *         .with("kindText", text);          // a value declared in &#64;values, for the templates
 * </pre>
 * Each report is captured as a {@link RuleHit}: the rule's descriptor, its bindings' values and the
 * facts it matched, with no Drools type left in it. A value, including any text from the input, is
 * always printed as text: it is never read as a template.
 */
public final class Reporter {

    private final Map<String, RuleInfo> rules;
    private final Function<String, String> names;
    private final List<Report> pending = new ArrayList<>();

    /**
     * @param rules the descriptors by rule key (package.name)
     * @param names entity id to entity name (the id itself when unknown)
     */
    public Reporter(Map<String, RuleInfo> rules, Function<String, String> names) {
        this.rules = rules;
        this.names = names;
    }

    public Report report(RuleContext kcontext) {
        org.kie.api.definition.rule.Rule r = kcontext.getRule();
        String key = r.getPackageName() + "." + r.getName();
        RuleInfo info = rules.get(key);
        if (info == null) { // a rule that was not validated (cannot happen for a loaded rule); described by name only
            info = new RuleInfo(null, null, null, null, List.of(), r.getName(), "rules", 0, null, key, RuleMessages.NONE);
        }
        Report report = new Report(info, kcontext.getMatch());
        pending.add(report);
        return report;
    }

    /** An entity's name for its id (the id itself when unknown): {@code findings.name($lessee)} in a consequence. */
    public String name(String id) {
        return names.apply(id);
    }

    /** Every report so far, as plain data, in firing order. */
    public List<RuleHit> hits() {
        List<RuleHit> out = new ArrayList<>(pending.size());
        for (Report r : pending) {
            out.add(r.hit());
        }
        return out;
    }

    /** One report, filled in by the consequence; captured when the rule fires. */
    public static final class Report {
        private final RuleInfo rule;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<Object> matched;
        private final List<Object> evidence = new ArrayList<>();
        private final List<String> related = new ArrayList<>();
        private String subject;
        private Money amount;
        private String severity;
        private String missing;
        private String amountKind;
        private final List<String> assumed = new ArrayList<>();

        Report(RuleInfo rule, Match match) {
            this.rule = rule;
            for (String id : match.getDeclarationIds()) {
                values.put(id.startsWith("$") ? id.substring(1) : id, match.getDeclarationValue(id));
            }
            this.matched = new ArrayList<>(match.getObjects());
        }

        public Report subject(String entityId) {
            this.subject = entityId;
            return this;
        }

        public Report related(String... entityIds) {
            related.addAll(Arrays.asList(entityIds));
            return this;
        }

        public Report amount(Money money) {
            this.amount = money;
            return this;
        }

        /** The money at stake and what kind it is, when it differs from the rule's declared {@code @amount}. */
        public Report amount(Money money, String kind) {
            this.amount = money;
            this.amountKind = kind;
            return this;
        }

        /**
         * This finding is a gap, not a risk: the rule could not assess its question because an input is
         * missing. {@code input} names the input that would settle it (a template, like the messages:
         * {@code "{company.name}'s equity (a statement giving equity)"}). The finding's explanation is the
         * rule's {@code @gap} message (its {@code @explain} when it declares none); it is kept
         * out of the risk counts and of {@code --fail-on}.
         */
        public Report notAssessed(String input) {
            this.missing = input;
            return this;
        }

        /** A named assumption (rules/assumptions.csv) the finding rests on, to be shown as assumed with its range. */
        public Report assumed(String name) {
            if (name != null && !assumed.contains(name)) {
                assumed.add(name);
            }
            return this;
        }

        /** A severity other than the declared one, for this finding (e.g. by how far a threshold is passed). */
        public Report severity(String level) {
            this.severity = level;
            return this;
        }

        /** A value for the templates; its name must be declared in the rule's {@code @values}. */
        public Report with(String name, Object value) {
            values.put(name, value);
            return this;
        }

        /** Further facts to cite as evidence, beyond those the rule matched. */
        public Report evidence(Object... facts) {
            evidence.addAll(Arrays.asList(facts));
            return this;
        }

        RuleHit hit() {
            return new RuleHit(rule, values, matched, evidence, subject, new ArrayList<>(related), amount, severity,
                    missing, amountKind, List.copyOf(assumed));
        }
    }
}
