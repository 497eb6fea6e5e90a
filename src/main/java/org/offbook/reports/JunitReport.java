package org.offbook.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.model.RuleInfo;
import org.offbook.model.RunInfo;

/**
 * JUnit XML for CI dashboards: a test suite per rule that found something, and in it a test case per
 * finding, so that a dashboard counts findings and each finding is shown on its own. A new finding at
 * or above {@code --fail-on} is the case's one {@code <failure>}; a baselined or suppressed one is
 * {@code <skipped>} with its reason; a new one below the level passes, its explanation as output.
 * Each case names the file and line of the finding's first evidence fact, as SARIF does ({@code file}, {@code line}
 * attributes, read by GitLab and others). Inputs and rules that did not load are {@code <error>}
 * cases of the suite {@code offbook inputs}.
 *
 * <p>The rule x entity cases without a finding (many thousands on a whole market) are left out
 * unless asked for ({@code --junit-passing}): then every rule has its suite and every entity it
 * did not flag a passing case.
 *
 * <p>Written with the JDK's {@link XMLStreamWriter}, which escapes; {@link Xml} first replaces what
 * XML cannot carry. The layout (two spaces per level, one element per line) is written here.
 */
public final class JunitReport implements Renderer {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final boolean passingCases;

    /** The default report: a case per finding. */
    public JunitReport() {
        this(false);
    }

    /** @param passingCases also a passing case per rule and entity without a finding */
    public JunitReport(boolean passingCases) {
        this.passingCases = passingCases;
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            write(r, x);
            x.flush();
            x.close(); // does not close out
            out.write('\n');
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private void write(Report r, XMLStreamWriter x) throws XMLStreamException {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        Set<Finding> failing = new HashSet<>(r.failing());
        List<RuleInfo> suites = new ArrayList<>();
        long tests = r.errors().size();
        for (RuleInfo rule : r.rules()) {
            List<Finding> fs = byRule.getOrDefault(rule.id(), List.of());
            if (passingCases || !fs.isEmpty()) {
                suites.add(rule);
                tests += fs.size() + (passingCases ? passing(r, fs).size() : 0);
            }
        }
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("testsuites");
        attr(x, "name", "offbook");
        attr(x, "tests", tests);
        attr(x, "failures", failing.size());
        attr(x, "errors", r.errors().size());
        if (!r.errors().isEmpty()) {
            newline(x, 1);
            x.writeStartElement("testsuite");
            attr(x, "name", "offbook inputs");
            attr(x, "tests", r.errors().size());
            attr(x, "failures", 0);
            attr(x, "errors", r.errors().size());
            attr(x, "skipped", 0);
            properties(x, r, null);
            for (var e : r.errors()) {
                newline(x, 2);
                x.writeStartElement("testcase");
                attr(x, "classname", "offbook.inputs");
                attr(x, "name", e.location());
                attr(x, "file", e.file());
                if (e.line() > 0) {
                    attr(x, "line", e.line());
                }
                newline(x, 3);
                x.writeStartElement("error");
                attr(x, "message", e.message());
                x.writeCharacters(Xml.text(e.toString()));
                x.writeEndElement();
                newline(x, 2);
                x.writeEndElement();
            }
            newline(x, 1);
            x.writeEndElement();
        }
        for (RuleInfo rule : suites) {
            List<Finding> fs = byRule.getOrDefault(rule.id(), List.of());
            List<Map.Entry<String, String>> passing = passingCases ? passing(r, fs) : List.of();
            newline(x, 1);
            x.writeStartElement("testsuite");
            attr(x, "name", rule.id() + " " + rule.title());
            attr(x, "tests", fs.size() + passing.size());
            attr(x, "failures", fs.stream().filter(failing::contains).count());
            attr(x, "errors", 0);
            // not-assessed findings are skipped tests: the rule could not evaluate for want of an input
            attr(x, "skipped", fs.stream().filter(f -> !failing.contains(f) && (!f.triage().isNew() || !f.isRisk())).count());
            properties(x, r, rule.id());
            for (Finding f : fs) {
                newline(x, 2);
                x.writeStartElement("testcase");
                attr(x, "classname", "offbook." + rule.id());
                attr(x, "name", f.subjectName() + " (" + f.subject() + ") " + f.fingerprint());
                // the location SARIF gives the result: the first evidence that is a fact, not a threshold
                Evidence at = f.evidence().stream().filter(e -> !e.type().equals("threshold")).findFirst()
                        .orElse(f.evidence().isEmpty() ? null : f.evidence().get(0));
                if (at != null) {
                    attr(x, "file", at.file());
                    if (at.line() > 0) {
                        attr(x, "line", at.line());
                    }
                }
                String text = f.explanation() + "\nStandards: " + String.join("; ", f.standards()) + "\nEvidence: "
                        + String.join(", ", f.evidence().stream().map(e -> e.location()).toList()) + "\nFingerprint: " + f.fingerprint();
                newline(x, 3);
                if (failing.contains(f)) {
                    x.writeStartElement("failure");
                    attr(x, "type", f.severity().label());
                    attr(x, "message", f.explanation());
                    x.writeCharacters(Xml.text(text));
                    x.writeEndElement();
                } else if (!f.isRisk()) {
                    // the strict schema allows no content in <skipped>: the message names the missing input
                    x.writeEmptyElement("skipped");
                    attr(x, "message", "not assessed: would be settled by " + f.framing().missing() + ". " + f.explanation());
                } else if (!f.triage().isNew()) {
                    x.writeEmptyElement("skipped");
                    attr(x, "message", f.triage().status() + ": " + (f.triage().reason() == null ? "" : f.triage().reason()));
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters(Xml.text("[" + f.severity().label() + "] " + text));
                    x.writeEndElement();
                }
                newline(x, 2);
                x.writeEndElement();
            }
            for (Map.Entry<String, String> entity : passing) {
                newline(x, 2);
                x.writeEmptyElement("testcase");
                attr(x, "classname", "offbook." + rule.id());
                attr(x, "name", entity.getValue() + " (" + entity.getKey() + ")");
            }
            newline(x, 1);
            x.writeEndElement();
        }
        newline(x, 0);
        x.writeEndElement();
        x.writeEndDocument();
    }

    /** The entities a rule did not flag: its passing cases. */
    private static List<Map.Entry<String, String>> passing(Report r, List<Finding> ruleFindings) {
        Set<String> flagged = new HashSet<>();
        ruleFindings.forEach(f -> flagged.add(f.subject()));
        return r.entities().entrySet().stream().filter(e -> !flagged.contains(e.getKey())).toList();
    }

    private static void attr(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeAttribute(name, Xml.attr(value));
    }

    private static void attr(XMLStreamWriter x, String name, long value) throws XMLStreamException {
        x.writeAttribute(name, Long.toString(value));
    }

    /** A line break and the indentation of the given level (two spaces each). */
    private static void newline(XMLStreamWriter x, int level) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(level));
    }

    /**
     * The run metadata as the suite's properties (JUnit has no place for it on {@code testsuites}):
     * engagement, as-of date, preparer, offbook and rule-pack version, and the rule's version.
     */
    private static void properties(XMLStreamWriter x, Report r, String ruleId) throws XMLStreamException {
        RunInfo run = r.run();
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("offbook.version", r.toolVersion());
        p.put("engagement", run.title());
        p.put("asOf", run.asOfText());
        p.put("preparer", run.preparer());
        p.put("rulePack", run.rulePack());
        p.put("ruleVersion", ruleId == null ? null : run.ruleVersion(ruleId));
        p.values().removeIf(java.util.Objects::isNull);
        newline(x, 2);
        x.writeStartElement("properties");
        for (Map.Entry<String, String> e : p.entrySet()) {
            newline(x, 3);
            x.writeEmptyElement("property");
            attr(x, "name", e.getKey());
            attr(x, "value", e.getValue());
        }
        newline(x, 2);
        x.writeEndElement();
    }
}
