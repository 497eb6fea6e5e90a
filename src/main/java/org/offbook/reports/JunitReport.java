package org.offbook.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.offbook.model.Finding;
import org.offbook.model.RuleInfo;

/**
 * JUnit XML for CI dashboards: a test suite per rule, a test case per rule and subject checked
 * (every entity loaded), a failure for each new finding at or above {@code --fail-on}, skipped for
 * baselined and suppressed ones; findings below the level pass with their explanation as output.
 *
 * <p>Written with the JDK's {@link XMLStreamWriter}, which escapes; {@link Xml} first replaces what
 * XML cannot carry. The layout (two spaces per level, one element per line) is written here.
 */
public final class JunitReport implements Renderer {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

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

    private static void write(Report r, XMLStreamWriter x) throws XMLStreamException {
        Map<String, List<Finding>> byRuleSubject = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            byRuleSubject.computeIfAbsent(f.ruleId() + "\u0000" + f.subject(), k -> new ArrayList<>()).add(f);
        }
        List<Finding> failing = r.failing();
        int tests = r.rules().size() * r.entities().size();
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
            for (var e : r.errors()) {
                newline(x, 2);
                x.writeStartElement("testcase");
                attr(x, "classname", "offbook.inputs");
                attr(x, "name", e.location());
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
        for (RuleInfo rule : r.rules()) {
            long ruleFailures = failing.stream().filter(f -> f.ruleId().equals(rule.id())).count();
            // not-assessed findings are skipped tests: the rule could not evaluate for want of an input
            long ruleSkipped = r.findings().stream().filter(f -> f.ruleId().equals(rule.id()) && !failing.contains(f)
                    && (!f.triage().isNew() || !f.isRisk())).count();
            newline(x, 1);
            x.writeStartElement("testsuite");
            attr(x, "name", rule.id() + " " + rule.title());
            attr(x, "tests", r.entities().size());
            attr(x, "failures", ruleFailures);
            attr(x, "errors", 0);
            attr(x, "skipped", ruleSkipped);
            for (Map.Entry<String, String> entity : r.entities().entrySet()) {
                List<Finding> fs = byRuleSubject.getOrDefault(rule.id() + "\u0000" + entity.getKey(), List.of());
                newline(x, 2);
                x.writeStartElement("testcase");
                attr(x, "classname", "offbook." + rule.id());
                attr(x, "name", entity.getValue() + " (" + entity.getKey() + ")");
                for (Finding f : fs) {
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
                        x.writeStartElement("skipped");
                        attr(x, "message", "not assessed: would be settled by " + f.framing().missing());
                        x.writeCharacters(Xml.text(text));
                        x.writeEndElement();
                    } else if (!f.triage().isNew()) {
                        x.writeEmptyElement("skipped");
                        attr(x, "message", f.triage().status() + ": " + (f.triage().reason() == null ? "" : f.triage().reason()));
                    } else {
                        x.writeStartElement("system-out");
                        x.writeCharacters(Xml.text("[" + f.severity().label() + "] " + text));
                        x.writeEndElement();
                    }
                }
                newline(x, 2);
                x.writeEndElement();
            }
            newline(x, 1);
            x.writeEndElement();
        }
        newline(x, 0);
        x.writeEndElement();
        x.writeEndDocument();
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
}
