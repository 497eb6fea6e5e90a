package org.offbook.cli;

import java.util.concurrent.Callable;
import org.offbook.load.JsonSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of offbook's JSON input documents (also in docs/filing-format.schema.json).")
final class SchemaCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(JsonSchema.generate());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
