package org.offbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.offbook.cli.Main;

/**
 * Keeps the documentation honest: a fenced block after {@code <!-- file: PATH -->} must be that
 * file, after {@code <!-- lines-of: PATH -->} each of its lines must be a line of that file, and
 * after {@code <!-- output-of: ARGS -->} each of its lines must appear in offbook's output for ARGS.
 */
class DocsTest {

    private static final Pattern BLOCK = Pattern.compile("<!-- (file|lines-of|output-of): ([^>]+?) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    record Block(String kind, String target, String text) {
    }

    static List<Block> blocks(String doc) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(TestFiles.read(TestFiles.project(doc)));
        while (m.find()) {
            out.add(new Block(m.group(1), m.group(2).strip(), m.group(3)));
        }
        return out;
    }

    @Test
    void writingRulesTutorialMatchesTheShippedRuleAndItsOutput() {
        List<Block> blocks = blocks("docs/writing-rules.md");
        assertEquals(Set.of("file", "lines-of", "output-of"), Set.copyOf(blocks.stream().map(Block::kind).toList()));
        assertTrue(blocks.size() >= 5);
        check(blocks);
    }

    @Test
    void readmeShowsRealOutput() {
        List<Block> blocks = blocks("README.md");
        assertEquals(2, blocks.stream().filter(b -> b.kind().equals("output-of")).count());
        check(blocks);
    }

    @Test
    void readmeHowItWorksNamesEveryPackageInLayerOrder() throws java.io.IOException {
        String readme = TestFiles.read(TestFiles.project("README.md"));
        String section = readme.substring(readme.indexOf("## How it works"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        List<String> listed = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `([a-z.]+)` \\|").matcher(section);
        while (m.find()) {
            listed.add(m.group(1));
        }
        Path root = TestFiles.project("src/main/java/org/offbook");
        List<String> packages;
        try (var walk = java.nio.file.Files.walk(root)) {
            packages = walk.filter(p -> p.toString().endsWith(".java")).map(p -> root.relativize(p.getParent()).toString().replace('/', '.'))
                    .distinct().sorted().toList();
        }
        assertEquals(packages, listed.stream().sorted().toList(), "README's How it works table lists exactly the packages");
        assertEquals(ArchitectureTest.LAYERS, listed.stream().filter(x -> !x.contains(".")).toList(),
                "the table lists the layers bottom first, as ArchitectureTest checks them");
    }

    @Test
    void creditDocShowsRealOutput() {
        List<Block> blocks = blocks("docs/credit.md");
        assertEquals(1, blocks.size());
        for (Block b : blocks) {
            StringWriter out = new StringWriter();
            Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), b.target().split(" "));
            b.text().lines().forEach(l -> assertTrue(out.toString().contains(l), "output of '" + b.target() + "' lacks: " + l));
        }
    }

    private static void check(List<Block> blocks) {
        for (Block b : blocks) {
            switch (b.kind()) {
                case "file" -> assertEquals(TestFiles.read(TestFiles.project(b.target())), b.text(), b.target());
                case "lines-of" -> {
                    List<String> lines = TestFiles.read(TestFiles.project(b.target())).lines().toList();
                    b.text().lines().forEach(l -> assertTrue(lines.contains(l), b.target() + " lacks: " + l));
                }
                default -> {
                    StringWriter out = new StringWriter();
                    List<String> args = new ArrayList<>(List.of(b.target().split(" ")));
                    args.add("--fail-on");
                    args.add("never");
                    Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
                    b.text().lines().forEach(l -> assertTrue(out.toString().contains(l), "output of '" + b.target() + "' lacks: " + l));
                }
            }
        }
    }
}
