package io.vigie.cli;

import io.vigie.core.model.DeviceModel;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.formats.model.ModelYamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigie validate}: check models without analysing them; every problem of every file. */
@Command(
    name = "validate",
    description = "Check device models: YAML syntax, field names and values, references between elements.",
    footer = {"", "Examples:", "  vigie validate examples/*/vigie.yaml"})
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MODEL", description = "Model files, or folders holding vigie.yaml.")
  List<Path> models;

  @Override
  public Integer call() {
    ModelYamlReader reader = new ModelYamlReader();
    int failed = 0;
    for (Path given : models) {
      try {
        Path file = ModelFiles.resolve(given);
        DeviceModel m = reader.read(file);
        spec.commandLine().getOut().printf("ok: %s (%d components, %d flows, %d controls)%n", file,
            m.components().size(), m.flows().size(), m.controls().size());
      } catch (InvalidInputException e) {
        Main.printProblems(spec.commandLine().getErr(), e);
        failed++;
      }
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
  }
}
