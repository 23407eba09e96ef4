package io.datadock.faults;

import io.datadock.faults.schedule.FaultKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code java -cp faults/target/datadock-faults.jar io.datadock.faults.SoakHarness --rate N
 * (--applies N | --minutes M) [--clients N] [--secrets N] [--depots N] [--watchers N]
 * [--rescan-seconds N] [--events KIND,KIND] [--seed N] [--dir DIR]}: the soak ({@link SoakRun});
 * prints a line a minute and then the figures. Exits 1 unless every answer holds, every request was
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
          "--dir");

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
            events);
    System.out.println("soak " + options);
    SoakReport report = SoakRun.run(options);
    System.out.print(report.text());
    System.exit(report.holds() ? 0 : 1);
  }
}
