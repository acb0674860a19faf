package io.vigie.cli;

/** The exit codes of every {@code vigie} command, as DESIGN.md fixes them for CI pipelines. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Success; the gate, if any, passed. */
  public static final int OK = 0;
  /** The gate failed: the policy is violated (an unacceptable residual risk, for instance). */
  public static final int GATE_FAILED = 1;
  /** Invalid input or usage: the problems are printed on stderr. */
  public static final int INVALID_INPUT = 2;
  /** A bug in Vigie: the stack trace is printed. */
  public static final int INTERNAL_ERROR = 3;
}
