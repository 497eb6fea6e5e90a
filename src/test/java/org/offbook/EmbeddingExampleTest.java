package org.offbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.offbook.load.RulePack;
import org.offbook.model.Finding;
import org.offbook.model.Version;
import org.offbook.pipeline.Check;
import org.offbook.reports.Report;

/**
 * README's "Use it as a library" stays true: its Maven coordinates are this build's, and its
 * embedding example is the code below, which runs and finds what the command line finds.
 */
class EmbeddingExampleTest {

    private static String readme() {
        return TestFiles.read(TestFiles.project("README.md"));
    }

    /** The README's example, verbatim between the markers (indented by eight spaces here). */
    private static void example(PrintStream out) {
        // README example start
        Report report = Check.run(new Check.Options(List.of(Path.of("filings")), List.of(RulePack.folder())));
        for (Finding f : report.findings()) {
            out.println(f.severity().label() + " " + f.ruleId() + " " + f.subjectName() + ": " + f.title());
        }
        // README example end
    }

    @Test
    void theReadmesExampleIsThisCode() {
        String source = TestFiles.read(TestFiles.project("src/test/java/org/offbook/EmbeddingExampleTest.java"));
        Matcher m = Pattern.compile("// README example start\n(.*?)\n\\s*// README example end", Pattern.DOTALL).matcher(source);
        assertTrue(m.find());
        String code = m.group(1).replaceAll("(?m)^ {8}", "").replace("out.println", "System.out.println");
        assertTrue(readme().contains("```java\n" + code + "\n```"), "README shows the example exactly:\n" + code);
    }

    @Test
    void theReadmesCoordinatesAreThisBuilds() {
        String pom = TestFiles.read(TestFiles.project("pom.xml"));
        String coordinates = "<dependency>\n  <groupId>org.offbook</groupId>\n  <artifactId>offbook</artifactId>\n  <version>"
                + Version.get() + "</version>\n</dependency>";
        assertTrue(readme().contains(coordinates), "README gives the coordinates:\n" + coordinates);
        assertTrue(pom.contains("<groupId>org.offbook</groupId>\n  <artifactId>offbook</artifactId>\n  <version>" + Version.get() + "</version>"),
                "the same as pom.xml's");
    }

    @Test
    void theExampleRunsOnTheSampleWithTheRulePackOnTheClasspath() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        example(out);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("high SPV-001 Meta Platforms, Inc.: Vehicle debt kept off balance sheet"), printed);
        assertEquals(39, printed.lines().count(), "every finding of the sample, as `offbook check filings` reports: 34 risks and 5 not assessed");
    }
}
