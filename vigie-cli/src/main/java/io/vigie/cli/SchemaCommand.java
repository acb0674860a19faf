package io.vigie.cli;

import io.vigie.formats.model.ModelSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigie schema}: the JSON Schema of the device model, for editors and CI linters. */
@Command(name = "schema",
    description = "Print the JSON Schema of the device model YAML (for editor completion and linters).",
    footer = {"", "Examples:", "  vigie schema > vigie-model.schema.json",
        "  # VS Code, first line of vigie.yaml: # yaml-language-server: $schema=vigie-model.schema.json"})
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(ModelSchema.json());
    return ExitCodes.OK;
  }
}
