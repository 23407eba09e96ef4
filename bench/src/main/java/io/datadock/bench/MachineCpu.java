package io.datadock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds the whole machine spent busy (every process and the kernel), from Linux's {@code
 * /proc/stat}: what the benchmark's JVM does not see, such as the PostgreSQL server's backends a
 * depot's check logs in to. Zero elsewhere. Meaningful only on a machine running nothing else.
 */
final class MachineCpu {

  private static final Path STAT = Path.of("/proc/stat");
  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private MachineCpu() {}

  /**
   * Busy CPU seconds since boot: user, nice, system, irq and softirq of the {@code cpu} line (not
   * idle, iowait, or steal: the time the hypervisor ran something else).
   */
  static double busySeconds() {
    if (!Files.isReadable(STAT)) {
      return 0;
    }
    try {
      String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length && i <= 7; i++) {
        if (i != 4 && i != 5) { // 4 idle, 5 iowait
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
