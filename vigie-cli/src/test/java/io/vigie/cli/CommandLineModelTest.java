package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link Main#commandLine} builds only the subcommand a run names (a cold-start saving): what a
 * user sees must not change for it, whether the run names a command, asks for help or mistypes.
 */
class CommandLineModelTest {
  private static final String[] ALL = {"analyze", "validate", "diff", "check", "scan", "db", "vex", "sbom", "rules",
      "schema", "import", "help"};

  @Test
  void aRunNamingACommandBuildsThatOneOnly() {
    CommandLine cli = Main.commandLine(new String[] {"scan", "--sbom", "x.json"});

    assertThat(cli.getSubcommands()).containsOnlyKeys("scan");
    Object command = cli.getSubcommands().get("scan").getCommand();
    assertThat(command).isInstanceOf(ScanCommand.class);
  }

  @Test
  void anythingElseBuildsEveryCommandInTheHelpOrder() {
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "scan"}, {"scna"}, {"-V"}}) {
      assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args)).containsExactly(ALL);
    }
  }

  @Test
  void everyCommandKeepsTheNameItsAnnotationGives() {
    CommandLine cli = Main.commandLine(new String[] {});
    cli.getSubcommands().forEach((name, sub) -> assertThat(sub.getCommandName()).isEqualTo(name));
    cli.getSubcommands().forEach((name, sub) -> assertThat(Main.commandLine(new String[] {name}).getSubcommands())
        .as(name).containsKey(name));
  }

  @Test
  void theFullUsageListsEveryCommandAndATypoStillGetsSuggestions() {
    Cli usage = Cli.run("--help");
    assertThat(usage.code()).isZero();
    assertThat(usage.out()).contains("Commands:", "analyze", "scan", "db", "vex", "import", "help");

    Cli typo = Cli.run("scna");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("Unmatched argument at index 0: 'scna'", "Did you mean: vigie scan");
  }

  @Test
  void everyCommandAndSubcommandAnswersHelpWithItsUsage() {
    // Before, `vigie scan --help` answered "Missing required option" and `vigie db --help`
    // "Unknown option": the help options were the top command's only.
    CommandLine all = Main.commandLine(new String[] {});
    all.getSubcommands().forEach((name, sub) -> {
      if (name.equals("help")) {
        return;
      }
      Cli top = Cli.run(name, "--help");
      assertThat(top.code()).as(name).isZero();
      assertThat(top.out()).as(name).startsWith("Usage: vigie " + name);
      sub.getSubcommands().keySet().forEach(child -> {
        Cli r = Cli.run(name, child, "--help");
        assertThat(r.code()).as(name + " " + child).isZero();
        assertThat(r.out()).as(name + " " + child).startsWith("Usage: vigie " + name + " " + child);
      });
    });
  }

  @Test
  void aCommandsOwnHelpAndSubcommandsAreTheSame() {
    Cli scanHelp = Cli.run("scan", "--help");
    assertThat(scanHelp.code()).isZero();
    assertThat(scanHelp.out()).startsWith("Usage: vigie scan ").contains("--sbom=FILE");

    Cli helpScan = Cli.run("help", "scan");
    assertThat(helpScan.out()).isEqualTo(scanHelp.out());

    Cli dbHelp = Cli.run("db", "--help");
    assertThat(dbHelp.out()).contains("import", "status", "update");
  }

  @Test
  void noOptionNeedsAConverterTheStartLeavesOut() {
    // Main turns off picocli's reflective java.time and java.sql converters for a faster start;
    // an option of such a type would then fail at parse time with "No TypeConverter registered".
    java.util.List<String> excluded = java.util.List.of(Main.UNUSED_CONVERTERS.split(","));
    java.util.List<String> offending = new java.util.ArrayList<>();
    java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(Main.commandLine(new String[] {})));
    int options = 0;
    while (!todo.isEmpty()) {
      CommandLine cli = todo.pop();
      todo.addAll(cli.getSubcommands().values());
      for (CommandLine.Model.ArgSpec arg : cli.getCommandSpec().args()) {
        options++;
        java.util.List<Class<?>> types = new java.util.ArrayList<>(java.util.List.of(arg.auxiliaryTypes()));
        types.add(arg.type());
        for (Class<?> type : types) {
          if (excluded.stream().anyMatch(type.getName()::matches)) {
            offending.add(cli.getCommandName() + " " + arg + ": " + type.getName());
          }
        }
      }
    }
    assertThat(options).isGreaterThan(50);
    assertThat(offending).isEmpty();
    assertThat(java.time.LocalDate.class.getName().matches(excluded.get(0))).as("the check sees java.time").isTrue();
    assertThat(java.sql.Timestamp.class.getName().matches(excluded.get(0))).as("and java.sql").isTrue();
    assertThat(java.nio.file.Path.class.getName().matches(excluded.get(0))).as("not Path").isFalse();
  }
}
