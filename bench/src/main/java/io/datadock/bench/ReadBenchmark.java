package io.datadock.bench;

import io.datadock.local.Platform;
import io.datadock.local.PlatformOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What a read of one resource costs: {@code GET /api/v1/resources/secret/{name}} on the embedded
 * platform, at 1 client (p50/p99 over {@code --single} reads) and at {@code --clients} for {@code
 * --seconds} (reads/s and p99), after the same warm-up as {@link ApplyBenchmark}. A read waits for
 * the gateway's view to reach the end of {@code resource.state} (one end-offsets request for the
 * reads waiting at that moment): run against a build from before that wait, with this module's
 * classes ahead of its jar, to see what it costs.
 *
 * <pre>
 * java -cp bench/target/datadock-bench.jar io.datadock.bench.ReadBenchmark [--single 2000] [--seconds 15] [--clients 64]
 * </pre>
 */
public final class ReadBenchmark {

  private static final int SECRETS = 100;

  private ReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int single = 2000;
    int seconds = 15;
    int clients = 64;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--single" -> single = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("datadock-read-bench-");
    try (Platform platform =
        Platform.start(
            PlatformOptions.defaults(dir).withAdminToken("bench-token").withTenantRate(0))) {
      platform.whenReady().get(90, TimeUnit.SECONDS);
      try (LoadGenerator load = new LoadGenerator(platform.gatewayUrl(), "bench-token")) {
        LoadGenerator.Result applied =
            load.run(4, SECRETS, 60_000, i -> ApplyBenchmark.secret("read-" + i, i));
        if (applied.latencies().count() != SECRETS) {
          throw new IllegalStateException("applied " + applied.latencies().count() + " secrets");
        }
        int many = clients;
        Warmup.run(
            millis -> load.run(many, Long.MAX_VALUE, millis, ReadBenchmark::read, b -> true));
        LoadGenerator.Result one = load.run(1, single, 600_000, ReadBenchmark::read, b -> true);
        LoadGenerator.Result concurrent =
            load.run(clients, Long.MAX_VALUE, seconds * 1000L, ReadBenchmark::read, b -> true);
        System.out.printf(
            Locale.ROOT,
            "READ 1 client p50 %.2f ms p99 %.2f ms; %d clients %.0f reads/s p99 %.2f ms"
                + " (failures: %d)%n",
            one.latencies().percentileMillis(50),
            one.latencies().percentileMillis(99),
            clients,
            concurrent.throughput(),
            concurrent.latencies().percentileMillis(99),
            one.latencies().failures() + concurrent.latencies().failures());
      }
    } finally {
      ApplyBenchmark.deleteRecursively(dir);
    }
  }

  private static LoadGenerator.Request read(long i) {
    return new LoadGenerator.Request("/api/v1/resources/secret/read-" + (i % SECRETS), null);
  }
}
