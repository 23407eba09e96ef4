package io.datadock.bench;

import java.util.Locale;
import java.util.Set;

/**
 * The CPU one depot's apply → {@code active} costs over a phase of the depot benchmark: the whole
 * machine's (the PostgreSQL server's backends included), the platform's (the benchmark's JVM but
 * its load generator) and each component's, in milliseconds per depot. With the saga's waits
 * removed, the machine's figure is what bounds throughput: two cores make at most 2,000 ms of CPU a
 * second, so 200 depots/s needs 10 ms or less per depot.
 */
final class DepotCpu {

  private final Set<Long> loadGeneratorThreads;
  private final CpuMeter meter = new CpuMeter();
  private final double machineStart;
  private double machine;
  private CpuMeter.Usage usage;
  private int depots;

  /** Starts measuring. */
  DepotCpu(Set<Long> loadGeneratorThreads) {
    this.loadGeneratorThreads = loadGeneratorThreads;
    machineStart = MachineCpu.busySeconds();
    meter.start();
  }

  void stop(int depots) {
    usage = meter.stop(loadGeneratorThreads);
    machine = MachineCpu.busySeconds() - machineStart;
    this.depots = depots;
  }

  void print(String label) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "CPU per depot, %s: machine %.1f ms, platform %.1f ms;",
                label,
                millis(machine),
                millis(usage.platform())));
    line.append(usage.breakdown(seconds -> String.format(Locale.ROOT, "%.1f", millis(seconds))));
    line.append(
        String.format(
            Locale.ROOT,
            "; outside the JVM (PostgreSQL, kernel) %.1f ms",
            millis(machine - usage.process())));
    System.out.println(line);
  }

  private double millis(double seconds) {
    return seconds * 1000 / depots;
  }
}
