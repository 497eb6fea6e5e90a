package org.offbook.robustness;

import static org.offbook.robustness.Hostile.sparse;
import static org.offbook.robustness.Hostile.utf8;
import static org.offbook.robustness.Hostile.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.offbook.cli.Main;

/**
 * The catalogue of hostile and broken inputs. Each case writes its bad file(s) into a case folder
 * that already holds a good filing ({@code in/meta.json}) and the SPV rules ({@code rules/}), and
 * says what the user must see: the error lines (globs, {@code *} for anything), the exit code, and
 * the file that must be named in every report. File names are distinct across cases, so that
 * {@link MixedFolderTest} can put every case in one folder.
 */
final class BadInputs {

    /** Writes a case's files under the case folder. */
    interface Setup {
        void write(Path root) throws IOException;
    }

    /**
     * One bad input.
     *
     * @param name     the test's name
     * @param setup    writes the bad files
     * @param exit     the documented exit code
     * @param errors   the error lines the user must see, as globs
     * @param badFile  the file every report must name
     * @param args     extra command-line arguments
     * @param mixable  whether the case can share a folder and a run with all the others
     */
    record Case(String name, Setup setup, int exit, List<String> errors, String badFile, List<String> args, boolean mixable) {

        @Override
        public String toString() {
            return name;
        }

        void writeInto(Path root) {
            try {
                setup.write(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private BadInputs() {
    }

    static final String SOURCE = "\"source\": \"robustness suite\"";

    /** A JSON document with the default source and the given facts, one a line from line 3. */
    static String doc(String key, String... facts) {
        StringBuilder sb = new StringBuilder("{ " + SOURCE + ",\n  \"" + key + "\": [\n");
        for (int i = 0; i < facts.length; i++) {
            sb.append("    ").append(facts[i]).append(i + 1 < facts.length ? ",\n" : "\n");
        }
        return sb.append("  ]\n}\n").toString();
    }

    private static Case bad(String name, String file, String content, String... errors) {
        return new Case(name, root -> write(root, "in/" + file, content), Main.LOAD_ERRORS, List.of(errors), "in/" + file, List.of(), true);
    }

    private static Case badBytes(String name, String file, byte[] content, String... errors) {
        return new Case(name, root -> write(root, "in/" + file, content), Main.LOAD_ERRORS, List.of(errors), "in/" + file, List.of(), true);
    }

    private static Case rule(String name, String file, String drl, List<String> args, boolean mixable, String... errors) {
        return new Case(name, root -> write(root, "rules/" + file, drl), Main.LOAD_ERRORS, List.of(errors), "rules/" + file, args, mixable);
    }

    static final String DRL_HEADER = """
            package offbook.rules.hostile;
            import org.offbook.model.Entity;
            global org.offbook.engine.Reporter findings;
            """;

    /** A PNG file's first bytes, then noise: binary content by any measure. */
    static byte[] binary() {
        byte[] b = new byte[4096];
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        System.arraycopy(png, 0, b, 0, png.length);
        java.util.Random random = new java.util.Random(42);
        for (int i = png.length; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();

        // ---- malformed and empty files, binary content, encodings
        cases.add(bad("malformed JSON: a value is missing", "malformed.json",
                "{ \"stakes\": [ {\"holder\": } ] }",
                "in/malformed.json:1:*: malformed JSON: Unexpected character*; file not loaded"));
        cases.add(bad("malformed JSON: the file ends in the middle", "truncated.json",
                "{\n  " + SOURCE + ",\n  \"stakes\": [\n    {\"holder\": \"meta\", ",
                "in/truncated.json:4:*: malformed JSON: Unexpected end-of-input*; file not loaded"));
        cases.add(bad("malformed JSON: a field named twice in one fact", "twice.json",
                doc("stakes", "{\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": 0.1, \"share\": 0.9}"),
                "in/twice.json:3:*: malformed JSON: Duplicate field 'share'; file not loaded"));
        cases.add(bad("malformed JSON: content after the document", "trailing.json",
                doc("stakes") + "{\"stakes\": []}\n",
                "in/trailing.json:5: unexpected content after the top-level object"));
        cases.add(bad("JSON: an array, not a document", "array.json", "[1, 2, 3]\n",
                "in/array.json:1: not an offbook document: expected a JSON object at the top level"));
        cases.add(bad("malformed CSV: a quoted cell never closed", "open.stakes.csv",
                "holder,entity,share,source\nmeta,beignet,0.1,ok\nmeta,beignet,0.2,\"never closed\n",
                "in/open.stakes.csv:3: malformed CSV: a quoted cell in the row starting on this line is never closed; file not loaded"));
        cases.add(bad("malformed CSV: a row runs over more than 100 lines", "runaway.stakes.csv",
                "holder,entity,share,source\nmeta,beignet,0.1,\"" + "\n".repeat(150) + "x\"\n",
                "in/runaway.stakes.csv:2: malformed CSV: the row starting on this line runs over more than 100 lines*; file not loaded"));
        cases.add(bad("malformed CSV: a row with too few cells", "short.stakes.csv",
                "holder,entity,share,source\nmeta,beignet,0.1\n",
                "in/short.stakes.csv:2: row has 3 cells, the header has 4"));
        cases.add(bad("malformed CSV: a line of 2 million characters", "longline.stakes.csv",
                "holder,entity,share,source\nmeta,beignet,0.1," + "x".repeat(2_000_000) + "\n",
                "in/longline.stakes.csv:2: malformed CSV: a line longer than 1048576 characters near this row; file not loaded"));
        cases.add(bad("empty JSON file", "empty.json", "",
                "in/empty.json:1: not an offbook document: expected a JSON object at the top level"));
        cases.add(bad("empty CSV file", "empty.leases.csv", "",
                "in/empty.leases.csv:1: empty CSV file: expected a header row naming the columns of leases"));
        cases.add(badBytes("binary content named .json", "image.json", binary(),
                "in/image.json:1:1: malformed JSON: Invalid UTF-8 start byte 0x89 at byte 1; file not loaded"));
        cases.add(badBytes("binary content named .csv", "image.leases.csv", binary(),
                "in/image.leases.csv:1: not valid UTF-8 text near this row; save the file as UTF-8; file not loaded"));
        cases.add(badBytes("NUL bytes named .json (read as UTF-32)", "nul.json",
                new byte[] {0, 0, 0, '{', 0, 0, 0, (byte) 0x80, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                "in/nul.json: malformed JSON: not UTF-8 text (*); file not loaded"));
        cases.add(badBytes("a byte-order mark before JSON: ignored, lines still right", "bom.json",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        utf8(doc("stakes", "{\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": 2}"))),
                "in/bom.json:3: field 'share': a share must be between 0 and 1 (or 0% and 100%), found 2"));
        cases.add(badBytes("a byte-order mark before a CSV header: the first column still known", "bom.stakes.csv",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("holder,entity,share,source\nmeta,beignet,3,s\n")),
                "in/bom.stakes.csv:2: field 'share': a share must be between 0 and 1 (or 0% and 100%), found 3"));
        cases.add(badBytes("non-UTF-8 bytes in JSON (Latin-1)", "latin1.json",
                doc("entities", "{\"id\": \"cafe\", \"name\": \"Caf\u00e9\", \"kind\": \"company\"}").getBytes(StandardCharsets.ISO_8859_1),
                "in/latin1.json:3:*: malformed JSON: Invalid UTF-8 *; file not loaded"));
        cases.add(badBytes("non-UTF-8 bytes in CSV (Latin-1)", "latin1.entities.csv",
                "id,name,kind,source\ncafe,Caf\u00e9,company,s\n".getBytes(StandardCharsets.ISO_8859_1),
                "in/latin1.entities.csv:*: not valid UTF-8 text near this row; save the file as UTF-8; file not loaded"));
        cases.add(bad("CSV cells with quotes, commas and line breaks; the row after is on the right line", "quoted.stakes.csv",
                "holder,entity,share,source\n"
                        + "meta,blue-owl,0.1,\"Blue Owl, \"\"fund\"\" letter\nsecond line\nthird line\"\n"
                        + "meta,beignet,2,\"a, b\"\n",
                "in/quoted.stakes.csv:5: field 'share': a share must be between 0 and 1 (or 0% and 100%), found 2"));
        cases.add(bad("a CSV cell with a line break in a bad value: the message stays on one line", "linebreak.stakes.csv",
                "holder,entity,share,source\nmeta,beignet,\"maybe\nnot\",s\n",
                "in/linebreak.stakes.csv:2: field 'share': expected a number, found 'maybe\\nnot'"));

        // ---- fields: missing, unknown, wrong types
        cases.add(bad("a required field missing", "missing.json",
                doc("stakes", "{\"holder\": \"meta\", \"entity\": \"beignet\"}"),
                "in/missing.json:3: field 'share': missing: required for stakes"));
        cases.add(bad("no source anywhere", "nosource.json",
                "{\n  \"roles\": [\n    {\"entity\": \"meta\", \"target\": \"beignet\", \"role\": \"operator\"}\n  ]\n}\n",
                "in/nosource.json:3: field 'source': missing: every fact names its source (or the document gives a default \"source\")"));
        cases.add(bad("an unknown field", "unknownfield.json",
                doc("stakes", "{\"holder\": \"meta\", \"entity\": \"beignet\", \"shares\": 0.2}"),
                "in/unknownfield.json:3: field 'shares': unknown field for stakes (did you mean 'share'?) (custom fields must start with 'x-')",
                "in/unknownfield.json:3: field 'share': missing: required for stakes"));
        cases.add(bad("an unknown CSV column rejects the table", "unknowncol.stakes.csv",
                "holder,entity,share,sorce\nmeta,beignet,0.2,s\n",
                "in/unknowncol.stakes.csv:1: field 'sorce': unknown column for stakes (did you mean 'source'?) (custom columns must start with 'x-')",
                "in/unknowncol.stakes.csv:1: header not understood; file not loaded"));
        cases.add(bad("an unknown top-level key", "toplevel.json",
                "{\n  " + SOURCE + ",\n  \"statments\": []\n}\n",
                "in/toplevel.json:3: field 'statments': unknown top-level key (did you mean 'statements'?); expected fact arrays (*)"));
        cases.add(bad("wrong type: an object where a value belongs", "object.json",
                doc("stakes", "{\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": 0.2, \"booking\": {\"a\": 1}}"),
                "in/object.json:3: field 'booking': expected a single value, found an object"));
        cases.add(bad("wrong type: text where a number belongs", "text.json",
                doc("leases", "{\"lessee\": \"meta\", \"lessor\": \"beignet\", \"termYears\": \"four\"}"),
                "in/text.json:3: field 'termYears': expected a number, found 'four'"));
        cases.add(bad("wrong type: not a boolean", "boolean.json",
                doc("leases", "{\"lessee\": \"meta\", \"lessor\": \"beignet\", \"residualValueGuarantee\": \"maybe\"}"),
                "in/boolean.json:3: field 'residualValueGuarantee': expected true or false, found 'maybe'"));
        cases.add(bad("wrong type: a fact array that is text", "notarray.json",
                "{\n  " + SOURCE + ",\n  \"stakes\": \"meta owns beignet\"\n}\n",
                "in/notarray.json:3: field 'stakes': expected an array of stakes"));
        cases.add(bad("wrong type: a fact that is a number", "notobject.json",
                doc("stakes", "42"),
                "in/notobject.json:3: expected an object for each fact, found a number"));

        // ---- values out of range
        cases.add(bad("a negative amount where it is impossible", "negative.json",
                doc("financings", "{\"borrower\": \"beignet\", \"amount\": \"USD -1B\"}"),
                "in/negative.json:3: field 'amount': cannot be negative: USD -1B"));
        cases.add(bad("a negative number of years", "negyears.json",
                doc("leases", "{\"lessee\": \"meta\", \"lessor\": \"beignet\", \"termYears\": -3}"),
                "in/negyears.json:3: field 'termYears': cannot be negative: -3"));
        cases.add(bad("a share above 100%", "share120.json",
                doc("stakes", "{\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": \"120%\"}"),
                "in/share120.json:3: field 'share': a share must be between 0 and 1 (or 0% and 100%), found 120%"));
        cases.add(bad("a share above 1", "share15.stakes.csv",
                "holder,entity,share,source\nmeta,beignet,1.5,s\n",
                "in/share15.stakes.csv:2: field 'share': a share must be between 0 and 1 (or 0% and 100%), found 1.5"));
        cases.add(bad("an end date before the start date", "endfirst.json",
                doc("statements", "{\"entity\": \"meta\", \"period\": \"FY\", \"start\": \"2025-12-31\", \"end\": \"2025-01-01\"}"),
                "in/endfirst.json:3: field 'end': end 2025-01-01 is before start 2025-12-31: a period cannot end before it starts"));
        cases.add(bad("a maturity before the start date", "maturefirst.json",
                doc("financings", "{\"borrower\": \"beignet\", \"start\": \"2030-06-01\", \"maturity\": \"2029\"}"),
                "in/maturefirst.json:3: field 'maturity': maturity 2029-12-31 is before start 2030-06-01: debt cannot mature before it is raised"));
        cases.add(bad("a date that does not exist", "feb30.json",
                doc("contracts", "{\"buyer\": \"meta\", \"seller\": \"beignet\", \"start\": \"2025-02-30\"}"),
                "in/feb30.json:3: field 'start': expected a date like 2025-12-31 (or 2025-12, or 2025), found '2025-02-30'"));
        cases.add(bad("a date in the year 999999999", "farfuture.json",
                doc("statements", "{\"entity\": \"meta\", \"start\": \"2025-01-01\", \"end\": \"+999999999-12-31\"}"),
                "in/farfuture.json:3: field 'end': expected a date like 2025-12-31 (or 2025-12, or 2025), found '+999999999-12-31'"));
        cases.add(bad("an unknown currency code in an amount", "xyz.json",
                doc("financings", "{\"borrower\": \"beignet\", \"amount\": \"XYZ 5M\"}"),
                "in/xyz.json:3: field 'amount': unknown currency code 'XYZ' (ISO 4217 expected, e.g. USD)"));
        cases.add(bad("an unknown currency in the currency field", "lowercase.json",
                doc("statements", "{\"entity\": \"meta\", \"end\": \"2025-12-31\", \"currency\": \"usd\", \"revenue\": \"5B\"}"),
                "in/lowercase.json:3: field 'currency': unknown currency code 'usd' (ISO 4217 expected, e.g. USD)",
                "in/lowercase.json:3: field 'revenue': amount '5B' has no currency code and the fact's 'currency' is not valid"));

        // ---- identities and references
        cases.add(bad("an entity id defined again with other values", "zz-conflict.json",
                doc("entities", "{\"id\": \"meta\", \"name\": \"Not Meta\", \"kind\": \"fund\"}"),
                "in/zz-conflict.json:3: field 'id': entity 'meta' is already defined differently at in/meta.json:4 "
                        + "(name, kind, aliases, cik and lei must match); this definition is rejected"));
        cases.add(bad("a CSV column named twice", "twice.stakes.csv",
                "holder,entity,share,share,source\nmeta,beignet,0.1,0.2,s\n",
                "in/twice.stakes.csv:1: field 'share': column appears twice in the header",
                "in/twice.stakes.csv:1: header not understood; file not loaded"));
        cases.add(bad("a reference to an entity no file defines", "nobody.json",
                doc("stakes", "{\"holder\": \"nobody\", \"entity\": \"beignet\", \"share\": 0.1}"),
                "in/nobody.json:3: field 'holder': unknown entity 'nobody': no file defines it (add it to an \"entities\" list); fact rejected"));

        // ---- sizes and limits
        cases.add(bad("a number too long for its field", "long41.json",
                doc("leases", "{\"lessee\": \"meta\", \"lessor\": \"beignet\", \"termYears\": \"" + "1".repeat(41) + "\"}"),
                "in/long41.json:3: field 'termYears': number too long: 11111111111111111111..."));
        cases.add(bad("a number short to write but out of range (1e999999999)", "exponent.json",
                doc("leases", "{\"lessee\": \"meta\", \"lessor\": \"beignet\", \"termYears\": 1e999999999, \"assetLifeYears\": 3}"),
                "in/exponent.json:3: field 'termYears': number out of range: '1E+999999999' (at most 40 digits before and after the decimal point)"));
        cases.add(bad("an exponent in a CSV number", "exponent.leases.csv",
                "lessee,lessor,termYears,assetLifeYears,source\nmeta,beignet,1e999999999,3,s\n",
                "in/exponent.leases.csv:2: field 'termYears': number out of range: '1e999999999' (at most 40 digits before and after the decimal point)"));
        cases.add(bad("a number of years too large to be a tenor", "tenor.json",
                doc("financings", "{\"borrower\": \"beignet\", \"start\": \"2025-01-01\", \"termYears\": 99999999999}"),
                "in/tenor.json:3: field 'termYears': too large for a number of years: 99999999999 (at most 1000)"));
        cases.add(bad("an amount with too many digits", "digits.json",
                doc("financings", "{\"borrower\": \"beignet\", \"amount\": \"USD 1234567890123456\"}"),
                "in/digits.json:3: field 'amount': not an amount: 'USD 1234567890123456' (expected e.g. \"USD 27.3B\": currency code, number, optional K/M/B/T)"));
        cases.add(bad("a JSON number longer than the parser's limit", "number61.json",
                doc("stakes", "{\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": " + "1".repeat(61) + "}"),
                "in/number61.json:3:*: malformed JSON: a number of 61+ characters exceeds the limit of 60 characters; file not loaded"));
        cases.add(bad("deeply nested JSON", "deep.json",
                "{\"stakes\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "in/deep.json:1:*: malformed JSON: nesting depth 33 exceeds the limit of 32 levels; file not loaded"));
        cases.add(bad("a text value longer than the parser's limit", "string.json",
                "{\n  \"source\": \"" + "a".repeat(200_000) + "\",\n  \"stakes\": []\n}\n",
                "in/string.json:2:*: malformed JSON: a text value of *+ characters exceeds the limit of 100000 characters; file not loaded"));
        cases.add(bad("a very long value", "longvalue.json",
                doc("entities", "{\"id\": \"long\", \"name\": \"" + "n".repeat(10_001) + "\", \"kind\": \"company\"}"),
                "in/longvalue.json:3: field 'name': value longer than 10000 characters"));
        cases.add(bad("a field name longer than the parser's limit", "longname.json",
                doc("stakes", "{\"" + "k".repeat(1_001) + "\": 1}"),
                "in/longname.json:3:*: malformed JSON: a field name of 1001+ characters exceeds the limit of 1000 characters; file not loaded"));
        cases.add(new Case("a file over the 64 MiB limit (sparse)", root -> {
            sparse(root.resolve("in/huge.json"), 65L * 1024 * 1024 + 1);
        }, Main.LOAD_ERRORS, List.of("in/huge.json: file is 65 MiB; the limit is 64 MiB; file not loaded"), "in/huge.json", List.of(), true));

        // ---- text that is not text
        cases.add(bad("a control character in a value", "escape.json",
                doc("entities", "{\"id\": \"esc\", \"name\": \"Red \\u001b[31m Corp\", \"kind\": \"company\"}"),
                "in/escape.json:3: field 'name': contains the control character U+001B; only printable text is accepted"));
        cases.add(bad("an unpaired surrogate in a value", "surrogate.json",
                doc("entities", "{\"id\": \"sur\", \"name\": \"Half \\ud800 Corp\", \"kind\": \"company\"}"),
                "in/surrogate.json:3: field 'name': is not valid Unicode text: unpaired surrogate U+D800"));
        cases.add(bad("a field name with a line break and an escape", "badname.json",
                doc("stakes", "{\"holder\": \"meta\", \"entity\": \"beignet\", \"share\": 0.1, \"a\\nb\\u001b\": 1}"),
                "in/badname.json:3: field 'a\\nb\\u001B': unknown field for stakes (custom fields must start with 'x-')"));

        // ---- files and folders
        cases.add(bad("a CSV named after no fact type", "things.csv", "a,b\n1,2\n",
                "in/things.csv: cannot tell the fact type from the file name; name CSV tables after their type, e.g. leases.csv or meta.leases.csv (types: *)"));
        cases.add(new Case("a symbolic link loop in the folder", root -> {
            Files.createDirectories(root.resolve("in/sub"));
            Files.createSymbolicLink(root.resolve("in/sub/loop"), root.resolve("in"));
        }, Main.LOAD_ERRORS, List.of("in/sub/loop: symbolic link loop; not followed"), "in/sub/loop", List.of(), true));
        cases.add(new Case("a symbolic link to nothing", root -> {
            Files.createSymbolicLink(root.resolve("in/dangling.json"), root.resolve("in/no-such-file.json"));
        }, Main.LOAD_ERRORS, List.of("in/dangling.json: cannot read: *"), "in/dangling.json", List.of(), true));

        cases.add(new Case("a named pipe named .json (opening it would wait for ever)", root -> {
            try {
                new ProcessBuilder("mkfifo", root.resolve("in/pipe.json").toString()).inheritIO().start().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Main.LOAD_ERRORS, List.of("in/pipe.json: not a regular file (a pipe, device or socket); not read"), "in/pipe.json", List.of(), true));

        // ---- rules
        cases.add(rule("a DRL that does not compile", "broken.drl", DRL_HEADER + """
                rule "BROKEN-001 unknown field"
                    @id("BROKEN-001") @family("BROKEN") @severity("low") @title("Broken") @standards("none")
                when
                    $e : Entity( nosuchfield == 1 )
                then
                end
                """, List.of(), true,
                "rules/broken.drl:7:18: Unable to Analyse Expression nosuchfield == 1:* (file left out; the other rule files still run)"));
        cases.add(rule("a DRL with a syntax error", "syntax.drl", "package offbook.rules.syntax;\nrule \"a\"\nwhen\n  Entity( \nthen\nend\n",
                List.of(), true, "rules/syntax.drl:6:*: mismatched input 'end'*(file left out; the other rule files still run)"));
        cases.add(new Case("a DRL that is not UTF-8", root -> write(root, "rules/latin1.drl",
                "package offbook.rules.latin;\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
                Main.LOAD_ERRORS, List.of("rules/latin1.drl: not valid UTF-8 text; save the file as UTF-8 (file left out; the other rule files still run)"),
                "rules/latin1.drl", List.of(), true));
        cases.add(rule("a DRL that loops: stopped at the firing limit, the other rules still run", "loop.drl", DRL_HEADER + """
                rule "LOOP-001 updates what it matches"
                    @id("LOOP-001") @family("LOOP") @severity("low") @title("Loops") @standards("none")
                    salience 100
                when
                    $e : Entity()
                then
                    update($e);
                end
                """, List.of("--max-firings", "500"), true,
                "rules/loop.drl:4: LOOP-001: rule 'LOOP-001 updates what it matches' fired 500 times, the limit for one rule;"
                        + " its further matches were dropped*; the other rules ran to the end"));
        cases.add(rule("a DRL whose consequence throws: the other rules still run", "throws.drl", DRL_HEADER + """
                rule "THROW-001 throws"
                    @id("THROW-001") @family("THROW") @severity("low") @title("Throws") @standards("none")
                    salience 100
                when
                    $e : Entity()
                then
                    throw new IllegalStateException("thrown on purpose");
                end
                """, List.of(), true,
                "rules/throws.drl:4: THROW-001: rule 'THROW-001 throws' failed while running: IllegalStateException: thrown on purpose;"
                        + " its other matches were dropped, the other rules ran to the end"));
        cases.add(rule("a DRL that hangs: stopped by the timeout and named", "slow.drl", DRL_HEADER + """
                rule "SLOW-001 sleeps"
                    @id("SLOW-001") @family("SLOW") @severity("low") @title("Sleeps") @standards("none")
                    salience -100
                when
                    $e : Entity( id == "meta" )
                then
                    Thread.sleep(60000);
                end
                """, List.of("--timeout", "1"), false,
                "rules/slow.drl:4: SLOW-001: rules still running after 1 s; stopped while rule 'SLOW-001 sleeps' was running"));
        // issue 13, item 8: a consequence that never looks at halt() or interruption used to hang the run for ever
        cases.add(rule("a DRL that spins without sleeping: the run still ends at the deadline and names it", "spin.drl", DRL_HEADER + """
                rule "SPIN-001 spins"
                    @id("SPIN-001") @family("SPIN") @severity("low") @title("Spins") @standards("none")
                    salience -100
                when
                    $e : Entity( id == "meta" )
                then
                    long n = 1;
                    while (n != 0) { n = n * 6364136223846793005L + 1442695040888963407L; if (n == 42) { n = 1; } }
                end
                """, List.of("--timeout", "1"), false,
                "rules/spin.drl:4: SPIN-001: rules still running after 1 s; stopped while rule 'SPIN-001 spins' was running"));
        return cases;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
