package io.vigie.cli;

import io.vigie.formats.model.ModelYamlReader;
import io.vigie.formats.model.ModelYamlWriter;
import io.vigie.formats.threatdragon.ThreatDragonImport;
import io.vigie.formats.threatdragon.ThreatDragonImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigie import}: models from other tools. */
@Command(name = "import", description = "Convert a threat model from another tool into a Vigie model.",
    subcommands = ImportCommand.ThreatDragon.class)
final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "threat-dragon",
      description = {"Convert an OWASP Threat Dragon v2 model (JSON) into a Vigie model (YAML).",
          "Its threats become manual threats; what had to be guessed is listed on stderr (see docs/threat-dragon.md)."},
      footer = {"", "Examples:", "  vigie import threat-dragon payments.json -o vigie.yaml"})
  static final class ThreatDragon implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Threat Dragon v2 JSON file.")
    Path file;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL", description = "The Vigie model YAML to write.")
    Path out;

    @Override
    public Integer call() {
      ThreatDragonImport imported = new ThreatDragonImporter().read(file);
      String yaml = new ModelYamlWriter().write(imported.model());
      // The written model must read back: if not, it is our bug, and nothing is written.
      new ModelYamlReader().read(yaml.getBytes(StandardCharsets.UTF_8), out.toString());
      OutputFiles.write(out, yaml);
      imported.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
      spec.commandLine().getOut().printf("wrote %s: %d components, %d flows, %d threats (%d notes above)%n", out,
          imported.model().components().size(), imported.model().flows().size(), imported.model().threats().size(),
          imported.notes().size());
      return ExitCodes.OK;
    }
  }
}
