package io.datadock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the CPU an apply costs (concurrent run: CPU seconds / applies, in microseconds) for the
 * process, the platform (all but the load generator) and each component, and writes the figures of
 * a run as {@code key=value} lines for {@link ResultTable}.
 */
final class ApplyCpuReport {

  private ApplyCpuReport() {}

  static void print(String label, ApplyBenchmark.Figures f) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "CPU per apply, %s: platform %.0f µs (process %.0f µs);",
                label,
                f.micros(f.cpu().platform()),
                f.micros(f.cpu().process())));
    line.append(
        f.cpu().breakdown(seconds -> String.format(Locale.ROOT, "%.0f", f.micros(seconds))));
    System.out.println(line);
    StringBuilder requests = new StringBuilder("  broker requests per apply:");
    f.brokerRequests()
        .forEach(
            (type, n) ->
                requests.append(
                    String.format(Locale.ROOT, " %s %.2f", type, n / (double) f.applies())));
    System.out.println(requests);
  }

  static void write(
      Path out,
      int clients,
      double loadAverage,
      ApplyBenchmark.Figures service,
      ApplyBenchmark.Figures ceiling)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("cores=" + Runtime.getRuntime().availableProcessors());
    lines.add("loadAverage=" + loadAverage);
    lines.add("clients=" + clients);
    add(lines, "full", service);
    add(lines, "ceiling", ceiling);
    Files.write(out, lines);
  }

  private static void add(List<String> lines, String prefix, ApplyBenchmark.Figures f) {
    lines.add(prefix + ".p50=" + f.p50());
    lines.add(prefix + ".p99=" + f.p99());
    lines.add(prefix + ".throughput=" + f.throughput());
    lines.add(prefix + ".p99Concurrent=" + f.p99Concurrent());
    lines.add(prefix + ".failures=" + f.failures());
    lines.add(prefix + ".cpuPlatform=" + f.micros(f.cpu().platform()));
    for (ThreadComponent c : ThreadComponent.values()) {
      lines.add(
          prefix + ".cpu." + c.name() + "=" + f.micros(f.cpu().seconds().getOrDefault(c, 0.0)));
    }
    lines.add(prefix + ".cpu.JVM=" + f.micros(f.cpu().jvm()));
    lines.add(prefix + ".cpu.JIT=" + f.micros(f.cpu().vm().jit()));
    lines.add(prefix + ".cpu.GC=" + f.micros(f.cpu().vm().gc()));
    f.brokerRequests()
        .forEach(
            (type, n) -> lines.add(prefix + ".requests." + type + "=" + n / (double) f.applies()));
  }
}
