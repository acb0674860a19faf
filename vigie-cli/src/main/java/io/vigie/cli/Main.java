package io.vigie.cli;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigie} command. Errors in the user's input are printed for people (file, line,
 * column, field, message) on stderr with exit code 2 and no stack trace; only bugs print a stack
 * trace, with exit code 3 (picocli would exit 1, which CI reads as a failed gate).
 */
@Command(
    name = "vigie",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Cybersecurity for connected medical devices: threat model, security risk assessment, evidence.",
    subcommands = {
      AnalyzeCommand.class,
      ValidateCommand.class,
      DiffCommand.class,
      CheckCommand.class,
      ScanCommand.class,
      DbCommand.class,
      VexCommand.class,
      SbomCommand.class,
      RulesCommand.class,
      SchemaCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 gate failed (policy violated), 2 invalid input or usage, 3 internal error.",
      "Docs: docs/model.md (the device model), README.md (quick start)."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line with the given streams; returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof InvalidInputException invalid) {
        printProblems(commandLine.getErr(), invalid);
        return ExitCodes.INVALID_INPUT;
      }
      commandLine.getErr().println("vigie: internal error (a bug in Vigie; please report it with the trace below)");
      e.printStackTrace(commandLine.getErr());
      return ExitCodes.INTERNAL_ERROR;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static void printProblems(PrintWriter err, InvalidInputException e) {
    for (Problem p : e.problems()) {
      err.println("error: " + p);
    }
    int n = e.problems().size();
    err.println(n + (n == 1 ? " problem" : " problems") + " found.");
  }
}
