package io.datadock.faults;

import io.datadock.faults.schedule.FaultKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar faults/target/datadock-faults.jar [--seed N] [--rounds N] [--gap-seconds N]
 * [--clients N] [--secrets N] [--depots N] [--dir DIR] [--history FILE]}: starts the multi-process
 * cluster, runs the seeded workload and fault schedule, and prints the checker's figures and each
 * fault's cost. Every fault kind and operator action (key rotation, a replay of depot-service) runs
 * once a round. {@code --history} writes every operation, one a line. Exits 1 when the history
 * breaks a rule.
 */
public final class FaultHarness {

  private static final Set<String> OPTIONS =
      Set.of(
          "--seed",
          "--rounds",
          "--gap-seconds",
          "--clients",
          "--secrets",
          "--depots",
          "--dir",
          "--history");

  private FaultHarness() {}

  public static void main(String[] args) throws Exception {
    Args given = new Args(args, OPTIONS);
    FaultRun.Options defaults = FaultRun.Options.shortRun(null, 1);
    FaultRun.Options options =
        new FaultRun.Options(
            given.dir(),
            given.longNumber("--seed", defaults.seed()),
            given.number("--rounds", defaults.rounds()),
            Duration.ofSeconds(given.number("--gap-seconds", (int) defaults.gap().toSeconds())),
            given.number("--clients", defaults.clients()),
            given.number("--secrets", defaults.secrets()),
            given.number("--depots", defaults.depots()),
            List.of(FaultKind.values()));
    System.out.println("fault run " + options);
    FaultRun.Report report = FaultRun.run(options);
    System.out.print(report.text());
    if (given.has("--history")) {
      Files.write(
          Path.of(given.text("--history", null)),
          report.history().stream().map(Object::toString).toList());
    }
    System.exit(report.verdict().holds() ? 0 : 1);
  }
}
