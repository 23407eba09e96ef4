package io.datadock.bench;

import io.datadock.local.Platform;
import io.datadock.local.PlatformOptions;
import io.datadock.runtime.config.Setting;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Apply → active latency of depots on the embedded platform, against a real PostgreSQL the
 * connection checks log in to. Each apply is sent with {@code wait=true}, so its latency is the
 * whole saga: command, reference request and grant, connection check, activation, read view. Two
 * baselines from the same run: a secret apply (one service hop) and a file depot (the same saga, a
 * check that reads a local directory, no network). Run with {@code java -cp
 * bench/target/datadock-bench.jar io.datadock.bench.DepotActivationBenchmark [--depots N]
 * [--clients C] [--set VARIABLE=VALUE]} ({@code --set} sets one of the platform's environment
 * variables, e.g. {@code DATADOCK_COMMIT_INTERVAL_MS=20}).
 */
public final class DepotActivationBenchmark {

  private static final String TOKEN = "bench-token";
  private static final String PASSWORD = "bench-pg-pw";

  private DepotActivationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int depots = 300;
    int clients = 16;
    java.util.Map<String, String> settings = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--depots" -> depots = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--set" -> {
          String[] pair = args[++i].split("=", 2);
          settings.put(pair[0], pair[1]);
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("datadock-depot-bench-");
    try (EmbeddedPostgres pg =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dir.resolve("pg").toFile())
                .setDataDirectory(dir.resolve("pg-data"))
                .start();
        Platform platform = Platform.start(options(dir.resolve("dd"), settings));
        LoadGenerator load = new LoadGenerator(platform.gatewayUrl(), TOKEN)) {
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE USER bench WITH PASSWORD '" + PASSWORD + "'");
      }
      platform.whenReady().get(90, TimeUnit.SECONDS);
      String wait = "/api/v1/resources?wait=true";
      java.util.function.Predicate<String> active = b -> b.contains("\"status\":\"active\"");
      LoadGenerator.Result secret = load.run(1, 1, 30_000, i -> secret("pg-cred"), wait, b -> true);
      require(secret, "the secret");
      int port = pg.getPort();
      load.run(1, 20, 60_000, i -> postgres("warm-" + i, port), wait, active); // warm-up

      LoadGenerator.Result secrets =
          load.run(1, depots, 600_000, i -> secret("s-" + i), wait, b -> true);
      Path files = Files.createDirectories(dir.resolve("dd").resolve("files").resolve("empty"));
      DepotCpu oneFile = new DepotCpu(load.threadIds());
      LoadGenerator.Result file =
          load.run(1, depots, 600_000, i -> file("f-" + i, files), wait, active);
      oneFile.stop(depots);
      DepotCpu one = new DepotCpu(load.threadIds());
      LoadGenerator.Result postgres =
          load.run(1, depots, 600_000, i -> postgres("pg-" + i, port), wait, active);
      one.stop(depots);
      DepotCpu many = new DepotCpu(load.threadIds());
      LoadGenerator.Result concurrent =
          load.run(clients, depots, 600_000, i -> postgres("pgc-" + i, port), wait, active);
      many.stop(depots);

      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "apply -> active, embedded platform + PostgreSQL %s, %d cores, %d applies each%n",
          "17",
          Runtime.getRuntime().availableProcessors(),
          depots);
      System.out.printf(
          Locale.ROOT, "%-44s %10s %10s %10s %10s%n", "", "p50", "p99", "max", "failures");
      print("secret apply (baseline: one service hop)", secrets);
      print("file depot (saga, no network)", file);
      print("postgres depot (saga + live check)", postgres);
      print(clients + " clients, postgres depots", concurrent);
      System.out.printf(
          Locale.ROOT,
          "ratios to the secret apply (p50 / p99): file %.2fx / %.2fx, postgres %.2fx / %.2fx;"
              + " %d clients: %.0f depots/s%n",
          p(file, 50) / p(secrets, 50),
          p(file, 99) / p(secrets, 99),
          p(postgres, 50) / p(secrets, 50),
          p(postgres, 99) / p(secrets, 99),
          clients,
          concurrent.throughput());
      oneFile.print("1 client, file depots");
      one.print("1 client, postgres depots");
      many.print(clients + " clients, postgres depots");
    } finally {
      ApplyBenchmark.deleteRecursively(dir);
    }
  }

  private static PlatformOptions options(Path dataDir, java.util.Map<String, String> settings) {
    PlatformOptions options = PlatformOptions.defaults(dataDir).withAdminToken(TOKEN);
    for (var setting : settings.entrySet()) {
      options = options.with(Setting.valueOf(setting.getKey()), setting.getValue());
    }
    return options;
  }

  private static double p(LoadGenerator.Result r, double percentile) {
    return r.latencies().percentileMillis(percentile);
  }

  private static void require(LoadGenerator.Result r, String what) {
    if (r.latencies().failures() > 0 || r.latencies().count() == 0) {
      throw new IllegalStateException(what + " could not be applied");
    }
  }

  private static void print(String label, LoadGenerator.Result r) {
    System.out.printf(
        Locale.ROOT,
        "%-44s %8.1fms %8.1fms %8.1fms %10d%n",
        label,
        p(r, 50),
        p(r, 99),
        r.latencies().maxMillis(),
        r.latencies().failures());
  }

  static String secret(String name) {
    return "name: %s\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data: {username: bench, password: %s}\n"
        .formatted(name, PASSWORD);
  }

  static String postgres(String name, int port) {
    return ("name: %s\nversion: v2alpha\ntype: depot\nspec:\n  type: postgres\n"
            + "  spec: {host: localhost, port: %d, database: postgres}\n"
            + "  secrets: [{id: \"default:pg-cred\", purpose: rw}]\n")
        .formatted(name, port);
  }

  /** A depot through the same saga whose check reads a local directory: no network at all. */
  static String file(String name, Path directory) {
    return ("name: %s\nversion: v2alpha\ntype: depot\nspec:\n  type: file\n"
            + "  spec: {path: \"%s\"}\n"
            + "  secrets: [{id: \"default:pg-cred\", purpose: rw}]\n")
        .formatted(name, directory.toAbsolutePath());
  }
}
