package io.datadock.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Runs a load until the JIT compiler has settled: in slices, until a slice's compilation time is
 * under a twentieth of its length (or a bound). A measured run that still compiles counts the
 * compiler's CPU as the application's; the first measurements here spent a third of the CPU per
 * apply compiling. The bound is three minutes: the whole platform in one JVM (broker, services,
 * gateway) took 125 and 140 s to settle on this machine (2026-12-07), and a one-minute bound
 * measured both sides of a comparison still compiling, by as much as half their CPU per apply.
 */
final class Warmup {

  private static final long SLICE_MILLIS = 5_000;
  private static final int MAX_SLICES = 36;

  private Warmup() {}

  static void run(java.util.function.LongConsumer slice) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    for (int i = 0; i < MAX_SLICES; i++) {
      long compiled = jit.getTotalCompilationTime();
      slice.accept(SLICE_MILLIS);
      long spent = jit.getTotalCompilationTime() - compiled;
      if (spent * 20 < SLICE_MILLIS) {
        System.out.printf(
            Locale.ROOT, "warm-up: %d s, last slice compiled %d ms%n", (i + 1) * 5, spent);
        return;
      }
    }
    System.out.printf(Locale.ROOT, "warm-up: still compiling after %d s%n", MAX_SLICES * 5);
  }
}
