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
    // -h/--help and -V/--version on every command too: `vigie scan --help` must not answer
    // "Missing required option".
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    description = "Cybersecurity for connected medical devices: threat model, security risk assessment, evidence.",
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

  /**
   * The subcommands, in the order help lists them. Declared here rather than in the annotation so
   * that a run builds only the one it names (see {@link #commandLine}).
   */
  private static final java.util.List<String> SUBCOMMANDS = java.util.List.of("analyze", "validate", "diff", "check",
      "scan", "db", "vex", "sbom", "rules", "schema", "import", "help");

  /**
   * A new instance of the subcommand {@code name}. A switch rather than a map of constructor
   * references: each reference was a lambda to link at every start, 15 ms of a run in all.
   */
  private static Object subcommand(String name) {
    return switch (name) {
      case "analyze" -> new AnalyzeCommand();
      case "validate" -> new ValidateCommand();
      case "diff" -> new DiffCommand();
      case "check" -> new CheckCommand();
      case "scan" -> new ScanCommand();
      case "db" -> new DbCommand();
      case "vex" -> new VexCommand();
      case "sbom" -> new SbomCommand();
      case "rules" -> new RulesCommand();
      case "schema" -> new SchemaCommand();
      case "import" -> new ImportCommand();
      case "help" -> helpCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  /**
   * picocli's help command, made only when asked for. Not {@code CommandLine.HelpCommand::new}:
   * picocli's classes are Java 5 class files, which the class-data archive cannot hold linked, so
   * a method reference to one was spun at every start and loaded and verified the class (about
   * 15 ms of each run, help or not).
   */
  private static Object helpCommand() {
    return new CommandLine.HelpCommand();
  }

  /**
   * The command line for {@code args}. picocli builds the model of every subcommand it is given up
   * front, by reflection over their annotated fields: about 0.1 s of CPU in a cold start for the
   * dozen commands and their hundred-odd options, spent before the one command a run names can
   * start. So when the first argument names a subcommand, only that one is added (its own
   * subcommands, usage and errors are the same either way); anything else (no argument, an
   * option, a typo, {@code help}) gets them all, for the full usage and picocli's suggestions.
   */
  static CommandLine commandLine(String[] args) {
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, UNUSED_CONVERTERS);
    }
    CommandLine cli = new CommandLine(new Main());
    String first = args.length > 0 ? args[0] : "";
    if (SUBCOMMANDS.contains(first) && !first.equals("help")) {
      cli.addSubcommand(first, subcommand(first));
    } else {
      for (String name : SUBCOMMANDS) {
        cli.addSubcommand(name, subcommand(name));
      }
    }
    return cli;
  }

  /**
   * picocli's switch for its built-in converters found by reflection (picocli.converters.excludes,
   * regular expressions of class names). It registers one for each java.time and java.sql type on
   * every command line it builds, by Class.forName and getMethod, for types no Vigie option has:
   * 30 ms of a cold start, of which the exclusion's own regular expression (compiled by picocli
   * once per type) takes back about 20, so some 10 ms net (bench/RESULTS.md, session 6).
   * CommandLineModelTest fails if an option ever needs one. A value the user set is kept.
   */
  static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
  static final String UNUSED_CONVERTERS = "java\\.(time|sql)\\..+"; // one expression: picocli compiles it per type

  /** Runs one command line with the given streams; returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ExceptionHandler());
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Input errors as problems (exit 2), anything else as a bug with its trace (exit 3). A class,
   * not a lambda, for the reason {@link #helpCommand} gives: a lambda of picocli's interface was
   * generated at every start.
   */
  private static final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      if (e instanceof InvalidInputException invalid) {
        printProblems(commandLine.getErr(), invalid);
        return ExitCodes.INVALID_INPUT;
      }
      commandLine.getErr().println("vigie: internal error (a bug in Vigie; please report it with the trace below)");
      e.printStackTrace(commandLine.getErr());
      return ExitCodes.INTERNAL_ERROR;
    }
  }

  /**
   * What a reader tolerated in an SBOM (Sbom#warnings), one line each, and why it was read anyway:
   * before the command's own output, so that a user fixing the document sees where.
   */
  static void printWarnings(PrintWriter err, io.vigie.core.sbom.Sbom sbom) {
    for (Problem p : sbom.warnings()) {
      err.println("warning: " + p);
    }
    if (!sbom.warnings().isEmpty()) {
      err.println("warning: " + sbom.source() + " was read anyway: these values break only their format (a URL, an"
          + " e-mail address or a date), which changes nothing Vigie matches on");
    }
  }

  static void printProblems(PrintWriter err, InvalidInputException e) {
    for (Problem p : e.problems()) {
      err.println("error: " + p);
    }
    int n = e.problems().size();
    err.println(n + (n == 1 ? " problem" : " problems") + " found.");
  }
}
