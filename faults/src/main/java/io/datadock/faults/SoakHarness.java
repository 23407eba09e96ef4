package io.datadock.faults;

import io.datadock.faults.cluster.FaultCluster;
import io.datadock.faults.schedule.FaultKind;
import io.datadock.faults.workload.Mix;
import io.datadock.local.cluster.ChildJit;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code java -cp faults/target/datadock-faults.jar io.datadock.faults.SoakHarness --rate N
 * (--applies N | --minutes M) [--clients N] [--secrets N] [--depots N] [--watchers N]
 * [--rescan-seconds N] [--events KIND,KIND] [--seed N] [--dir DIR] [--jit full|quick] [--mix
 * mixed|applies] [--warmup-minutes N] [--brokers 1|3]}: the soak ({@link SoakRun}); prints a line a
 * minute and then the figures. Its processes compile as the tests' clusters do (C1 only: quick to
 * start) unless {@code --jit full}, the JVM's default, for runs of hours: slower for its first
 * minutes, then about half the CPU per apply. Exits 1 unless every answer holds, every request was
 * answered, every watcher saw no gap and every process's heap after GC stayed flat.
 */
public final class SoakHarness {

  private static final Set<String> OPTIONS =
      Set.of(
          "--rate",
          "--applies",
          "--minutes",
          "--clients",
          "--secrets",
          "--depots",
          "--watchers",
          "--rescan-seconds",
          "--events",
          "--seed",
          "--dir",
          "--jit",
          "--mix",
          "--warmup-minutes",
          "--brokers");

  private SoakHarness() {}

  public static void main(String[] args) throws Exception {
    Args given = new Args(args, OPTIONS);
    List<FaultKind> events =
        given.has("--events")
            ? Arrays.stream(given.text("--events", "").split(","))
                .map(String::trim)
                .map(FaultKind::valueOf)
                .toList()
            : List.of();
    SoakRun.Options options =
        new SoakRun.Options(
            given.dir(),
            given.longNumber("--seed", 1),
            Double.parseDouble(given.text("--rate", "20")),
            given.longNumber("--applies", 0),
            Duration.ofMinutes(given.number("--minutes", 0)),
            given.number("--clients", 16),
            given.number("--secrets", 200),
            given.number("--depots", 100),
            given.number("--watchers", 4),
            Duration.ofSeconds(given.number("--rescan-seconds", 30)),
            events,
            jit(given.text("--jit", "quick")),
            mix(given.text("--mix", "mixed")),
            Duration.ofMinutes(given.number("--warmup-minutes", 0)),
            given.number("--brokers", FaultCluster.BROKERS));
    System.out.println("soak " + options);
    SoakReport report = SoakRun.run(options);
    System.out.print(report.text());
    System.exit(report.holds() ? 0 : 1);
  }

  private static Mix mix(String given) {
    return switch (given) {
      case "mixed" -> Mix.MIXED;
      case "applies" -> Mix.APPLIES;
      default -> throw new IllegalArgumentException("--mix: mixed or applies, not " + given);
    };
  }

  private static ChildJit jit(String given) {
    return switch (given) {
      case "full" -> ChildJit.FULL;
      case "quick" -> ChildJit.QUICK_START;
      default -> throw new IllegalArgumentException("--jit: full or quick, not " + given);
    };
  }
}
