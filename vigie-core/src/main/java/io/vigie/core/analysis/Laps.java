package io.vigie.core.analysis;

/** TEMPORARY profiling laps (-Dvigie.laps). */
public final class Laps {
  private static final boolean ON = System.getProperty("vigie.laps") != null;
  private static final long T0 = System.nanoTime();
  private Laps() {}
  public static void lap(String what) {
    if (ON) {
      System.err.printf("[lap %6d ms] %s (%s)%n", (System.nanoTime() - T0) / 1_000_000, what, Thread.currentThread().getName());
    }
  }
}
