package io.datadock.bench;

import io.datadock.gateway.app.GatewayConfig.ReplyMode;
import io.datadock.local.Platform;
import io.datadock.local.PlatformOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Secret apply latency and throughput on the embedded platform, against a ceiling measured in the
 * same run: the same gateway answering on the broker's ack alone (no service round trip). Run with
 * {@code java -jar bench/target/datadock-bench.jar [--single N] [--seconds S] [--clients C]}.
 */
public final class ApplyBenchmark {

  private ApplyBenchmark() {}

  record Figures(
      double p50,
      double p99,
      double throughput,
      double p99Concurrent,
      int failures,
      long applies,
      CpuMeter.Usage cpu,
      java.util.Map<String, Long> brokerRequests) {

    /** CPU microseconds per apply of the concurrent run. */
    double micros(double seconds) {
      return seconds * 1e6 / applies;
    }
  }

  public static void main(String[] args) throws Exception {
    int single = 2000;
    int seconds = 15;
    int clients = 64;
    String only = null;
    java.nio.file.Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--single" -> single = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--only" -> only = args[++i];
        case "--out" -> out = java.nio.file.Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (only != null) {
      // one side only, for profiling: --only SERVICE or --only BROKER_ACK
      Figures figures = measure(ReplyMode.valueOf(only), single, seconds, clients);
      print(only, figures);
      ApplyCpuReport.print(only, figures);
      return;
    }
    double loadAverage =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Figures service = measure(ReplyMode.SERVICE, single, seconds, clients);
    Figures ceiling = measure(ReplyMode.BROKER_ACK, single, seconds, clients);
    System.out.println();
    System.out.println(
        "secret apply, embedded platform, "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    System.out.printf(
        Locale.ROOT,
        "%-34s %12s %12s %18s %14s%n",
        "",
        "1 client p50",
        "1 client p99",
        clients + " clients req/s",
        clients + " clients p99");
    print("full apply (gateway+broker+service)", service);
    print("ceiling (answer on broker ack)", ceiling);
    System.out.printf(
        Locale.ROOT,
        "%-34s %11.2fx %11.2fx %17.2fx %13.2fx%n",
        "ratio full / ceiling",
        service.p50() / ceiling.p50(),
        service.p99() / ceiling.p99(),
        service.throughput() / ceiling.throughput(),
        service.p99Concurrent() / ceiling.p99Concurrent());
    System.out.println();
    ApplyCpuReport.print("full apply", service);
    ApplyCpuReport.print("ceiling", ceiling);
    if (out != null) {
      ApplyCpuReport.write(out, clients, loadAverage, service, ceiling);
    }
  }

  private static void print(String label, Figures f) {
    System.out.printf(
        Locale.ROOT,
        "%-34s %10.2fms %10.2fms %18.0f %12.2fms   (failures: %d)%n",
        label,
        f.p50(),
        f.p99(),
        f.throughput(),
        f.p99Concurrent(),
        f.failures());
  }

  private static Figures measure(ReplyMode mode, int single, int seconds, int clients)
      throws Exception {
    Path dir = Files.createTempDirectory("datadock-bench-");
    try (Platform platform =
        Platform.start(
            PlatformOptions.defaults(dir)
                .withReplyMode(mode)
                .withAdminToken("bench-token")
                .withTenantRate(0))) {
      platform.whenReady().get(90, TimeUnit.SECONDS);
      try (LoadGenerator load = new LoadGenerator(platform.gatewayUrl(), "bench-token")) {
        String run = mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Warmup.run(
            millis ->
                load.run(
                    clients,
                    Long.MAX_VALUE,
                    millis,
                    i -> secret("warm-" + run + "-" + (i % 2000), i)));
        LoadGenerator.Result one =
            load.run(1, single, 600_000, i -> secret("one-" + run + "-" + i, i));
        CpuMeter cpu = new CpuMeter();
        BrokerRequests requests = new BrokerRequests();
        cpu.start();
        requests.start();
        LoadGenerator.Result many =
            load.run(
                clients,
                Long.MAX_VALUE,
                seconds * 1000L,
                i -> secret("many-" + run + "-" + (i % 20000), i));
        CpuMeter.Usage usage = cpu.stop(load.threadIds());
        java.util.Map<String, Long> handled = requests.stop();
        System.out.printf(
            Locale.ROOT,
            "%s: 1 client %d applies in %.1f s (max %.1f ms, %d over 250 ms); %d clients %d applies in %.1f s%n",
            mode,
            one.latencies().count(),
            one.seconds(),
            one.latencies().maxMillis(),
            one.latencies().countOver(250),
            clients,
            many.latencies().count(),
            many.seconds());
        return new Figures(
            one.latencies().percentileMillis(50),
            one.latencies().percentileMillis(99),
            many.throughput(),
            many.latencies().percentileMillis(99),
            one.latencies().failures() + many.latencies().failures(),
            many.latencies().count(),
            usage,
            handled);
      }
    } finally {
      deleteRecursively(dir);
    }
  }

  static String secret(String name, long i) {
    return "name: "
        + name
        + "\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data:\n    username: bench\n    password: pw-"
        + i
        + "\n";
  }

  static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
