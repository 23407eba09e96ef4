package io.datadock.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code java -cp ... io.datadock.faults.FaultHarness [--seed N] [--rounds N] [--gap-seconds N]
 * [--clients N] [--secrets N] [--depots N] [--dir DIR] [--history FILE]}: starts the multi-process
 * cluster, runs the seeded workload and fault schedule, and prints the checker's figures and each
 * fault's cost; {@code --history} writes every operation, one a line. Exits 1 when the history
 * breaks a rule.
 */
public final class FaultHarness {

  private FaultHarness() {}

  public static void main(String[] args) throws Exception {
    FaultRun.Options o = FaultRun.Options.shortRun(null, 1);
    Path dir = null;
    Path historyFile = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--seed" ->
            o =
                with(
                    o,
                    Long.parseLong(v),
                    o.rounds(),
                    o.gap(),
                    o.clients(),
                    o.secrets(),
                    o.depots());
        case "--rounds" ->
            o =
                with(
                    o,
                    o.seed(),
                    Integer.parseInt(v),
                    o.gap(),
                    o.clients(),
                    o.secrets(),
                    o.depots());
        case "--gap-seconds" ->
            o =
                with(
                    o,
                    o.seed(),
                    o.rounds(),
                    Duration.ofSeconds(Long.parseLong(v)),
                    o.clients(),
                    o.secrets(),
                    o.depots());
        case "--clients" ->
            o =
                with(
                    o, o.seed(), o.rounds(), o.gap(), Integer.parseInt(v), o.secrets(), o.depots());
        case "--secrets" ->
            o =
                with(
                    o, o.seed(), o.rounds(), o.gap(), o.clients(), Integer.parseInt(v), o.depots());
        case "--depots" ->
            o =
                with(
                    o,
                    o.seed(),
                    o.rounds(),
                    o.gap(),
                    o.clients(),
                    o.secrets(),
                    Integer.parseInt(v));
        case "--dir" -> dir = Path.of(v);
        case "--history" -> historyFile = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    dir = dir != null ? dir : Files.createTempDirectory("datadock-faults-");
    o =
        new FaultRun.Options(
            dir, o.seed(), o.rounds(), o.gap(), o.clients(), o.secrets(), o.depots());
    System.out.println("fault run " + o);
    FaultRun.Report report = FaultRun.run(o);
    System.out.print(report.text());
    if (historyFile != null) {
      Files.write(historyFile, report.history().stream().map(Object::toString).toList());
    }
    System.exit(report.verdict().holds() ? 0 : 1);
  }

  private static FaultRun.Options with(
      FaultRun.Options o,
      long seed,
      int rounds,
      Duration gap,
      int clients,
      int secrets,
      int depots) {
    return new FaultRun.Options(o.dir(), seed, rounds, gap, clients, secrets, depots);
  }
}
