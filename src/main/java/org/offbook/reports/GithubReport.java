package org.offbook.reports;

import java.io.IOException;
import java.io.Writer;
import org.offbook.model.Evidence;
import org.offbook.model.Finding;
import org.offbook.model.Problem;
import org.offbook.model.Severity;

/**
 * GitHub Actions workflow commands ({@code github}): one annotation per new finding and per error,
 * which GitHub shows on the run's summary and beside the file in a pull request:
 * {@code ::error file=F,line=L,title=T::message}. Critical and high findings are {@code error},
 * medium {@code warning}, low and info {@code notice} (as SARIF levels); baselined and suppressed
 * findings are not annotated. Printed to standard output in a workflow step
 * ({@code --report github=/dev/stdout}, or {@code --format github}).
 *
 * <p>Values are escaped as the workflow-command syntax requires ({@code %}, CR and LF everywhere;
 * also {@code :} and {@code ,} in properties), so input text can never start a command of its own.
 */
public final class GithubReport implements Renderer {

    @Override
    public void render(Report r, Writer out) throws IOException {
        for (Problem e : r.errors()) {
            out.write("::error file=" + property(e.file()) + (e.line() > 0 ? ",line=" + e.line() : "")
                    + (e.column() > 0 ? ",col=" + e.column() : "") + ",title=" + property("offbook: not loaded") + "::" + data(e.toString()) + "\n");
        }
        for (Finding f : r.findings()) {
            if (!f.triage().isNew()) {
                continue;
            }
            Evidence at = MarkdownSummary.primary(f);
            out.write("::" + command(f.severity()));
            out.write(at == null ? " " : " file=" + property(at.file()) + (at.line() > 0 ? ",line=" + at.line() : "") + ",");
            out.write("title=" + property(f.ruleId() + " " + f.title() + " (" + f.subjectName() + ")"));
            out.write("::" + data(f.explanation() == null ? f.title() : f.explanation()) + "\n");
        }
    }

    static String command(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            default -> "notice";
        };
    }

    /** A command's message: %, CR and LF escaped. */
    static String data(String s) {
        return Xml.text(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: also ':' and ','. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
