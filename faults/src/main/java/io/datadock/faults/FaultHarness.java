package io.datadock.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar faults/target/datadock-faults.jar [--seed N] [--rounds N] [--gap-seconds N]
 * [--clients N] [--secrets N] [--depots N] [--dir DIR] [--history FILE]}: starts the multi-process
 * cluster, runs the seeded workload and fault schedule, and prints the checker's figures and each
 * fault's cost; {@code --history} writes every operation, one a line. Exits 1 when the history
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
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!OPTIONS.contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + ", known: " + OPTIONS);
      }
      given.put(args[i], args[i + 1]);
    }
    FaultRun.Options defaults = FaultRun.Options.shortRun(null, 1);
    Path dir =
        given.containsKey("--dir")
            ? Path.of(given.get("--dir"))
            : Files.createTempDirectory("datadock-faults-");
    FaultRun.Options options =
        new FaultRun.Options(
            dir,
            Long.parseLong(given.getOrDefault("--seed", String.valueOf(defaults.seed()))),
            number(given, "--rounds", defaults.rounds()),
            Duration.ofSeconds(number(given, "--gap-seconds", (int) defaults.gap().toSeconds())),
            number(given, "--clients", defaults.clients()),
            number(given, "--secrets", defaults.secrets()),
            number(given, "--depots", defaults.depots()));
    System.out.println("fault run " + options);
    FaultRun.Report report = FaultRun.run(options);
    System.out.print(report.text());
    if (given.containsKey("--history")) {
      Files.write(
          Path.of(given.get("--history")),
          report.history().stream().map(Object::toString).toList());
    }
    System.exit(report.verdict().holds() ? 0 : 1);
  }

  private static int number(Map<String, String> given, String option, int otherwise) {
    return given.containsKey(option) ? Integer.parseInt(given.get(option)) : otherwise;
  }
}
