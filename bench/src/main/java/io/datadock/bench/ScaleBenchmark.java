package io.datadock.bench;

import io.datadock.local.Platform;
import io.datadock.local.PlatformOptions;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The figures users plan with, in one run: the local platform's start to ready (in this fresh JVM),
 * watch fan-out to many SSE clients, loading N secrets and M depots through the gateway, a replay
 * of secret-service holding them, then each service in a JVM of its own, restored from the same
 * topics, its heap after GC and resident memory. Run with {@code java -cp
 * bench/target/datadock-bench.jar io.datadock.bench.ScaleBenchmark [--secrets 100000] [--depots
 * 10000] [--watchers 1000] [--clients 64] [--heap 256m] [--until start|fanout]}: {@code --until}
 * stops after that step.
 */
public final class ScaleBenchmark {

  private static final String TOKEN = "bench-token";
  private static final int FANOUT_CHANGES = 20;

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    long jvmStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
    int secrets = 100_000;
    int depots = 10_000;
    int watchers = 1000;
    int clients = 64;
    String heap = "256m";
    String until = "";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--secrets" -> secrets = Integer.parseInt(args[++i]);
        case "--depots" -> depots = Integer.parseInt(args[++i]);
        case "--watchers" -> watchers = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--heap" -> heap = args[++i];
        case "--until" -> until = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "scale figures, %d secrets, %d depots, %d watchers, %d cores, load average %s%n",
        secrets,
        depots,
        watchers,
        Runtime.getRuntime().availableProcessors(),
        loadAverage());
    Path dir = Files.createTempDirectory("datadock-scale-bench-");
    Path platformDir = dir.resolve("platform");
    Map<String, Long> entries;
    try {
      long t = System.nanoTime();
      try (Platform platform =
          Platform.start(
              PlatformOptions.defaults(platformDir).withAdminToken(TOKEN).withTenantRate(0))) {
        platform.whenReady().get(120, TimeUnit.SECONDS);
        long ready = System.currentTimeMillis();
        report("start to ready (Platform.start → ready)", ms(System.nanoTime() - t));
        report("JVM launch to ready", (ready - jvmStarted) + " ms");
        if (until.equals("start")) {
          return;
        }
        GatewayCalls http = new GatewayCalls(TOKEN);

        report(fanout(platform, http, watchers));
        if (until.equals("fanout")) {
          return;
        }

        Path files = Files.createDirectories(platformDir.resolve("files").resolve("bench"));
        Files.writeString(files.resolve("orders.csv"), "id,amount\n1,10\n");
        try (LoadGenerator load = new LoadGenerator(platform.gatewayUrl(), TOKEN)) {
          report(ScaleLoad.secrets(load, clients, secrets));
          report(ScaleLoad.depots(load, http, platform.gatewayUrl(), clients, depots, files));
        }
        entries = digestEntries(http, platform.stateDigestUrls());
        report("state entries", entries.toString());
        report(ScaleLoad.replay(http, platform.gatewayUrl(), "secret"));
        report("heap after GC, one JVM (all services + broker)", mb(liveHeapOfThisJvm()));
      }
      report(separately(dir, platformDir, heap, entries));
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Prints figures as soon as they are known (a run takes minutes; stdout is its record). */
  private static void report(String figure, String value) {
    System.out.printf(Locale.ROOT, "SCALE %-58s %s%n", figure, value);
  }

  private static void report(Map<String, String> figures) {
    figures.forEach(ScaleBenchmark::report);
  }

  /** Apply → the change reaching the first and the last of {@code watchers} SSE streams. */
  private static Map<String, String> fanout(Platform platform, GatewayCalls http, int watchers)
      throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    long heapBefore = liveHeapOfThisJvm();
    try (WatchFanout fanout =
        new WatchFanout(platform.gatewayUrl(), TOKEN, "secret", watchers, FANOUT_CHANGES)) {
      out.put(
          watchers + " watchers: heap after GC, per watcher",
          kb((liveHeapOfThisJvm() - heapBefore) / watchers));
      LatencyRecorder toFirst = new LatencyRecorder();
      LatencyRecorder toLast = new LatencyRecorder();
      for (int k = 0; k < FANOUT_CHANGES; k++) {
        long sent = System.nanoTime();
        http.post(
            platform.gatewayUrl() + "/api/v1/resources",
            "application/yaml",
            ApplyBenchmark.secret("fanout-" + k, k));
        long last = fanout.awaitLast(k, 60_000);
        toFirst.record(fanout.first(k) - sent);
        toLast.record(last - sent);
      }
      out.put("apply → first watcher p50 / p99 (" + FANOUT_CHANGES + " applies)", pair(toFirst));
      out.put("apply → last of " + watchers + " watchers p50 / p99", pair(toLast));
    }
    return out;
  }

  /** Each service alone in its JVM, restored from the topics the platform left. */
  private static Map<String, String> separately(
      Path dir, Path platformDir, String heap, Map<String, Long> entries) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(platformDir.resolve("kafka"), 0)) {
      long t = System.nanoTime();
      List<String> jvm = List.of("-Xmx" + heap, "-XX:+UseG1GC");
      try (SeparateServices services =
          SeparateServices.start(
              broker.bootstrapServers(), platformDir, dir.resolve("apart"), TOKEN, jvm, entries)) {
        for (SeparateServices.Footprint f : services.awaitAndMeasure(t, 600_000)) {
          out.put(
              f.service() + " alone (-Xmx" + heap + "): heap after GC / RSS / ready after",
              mb(f.liveHeapBytes()) + " / " + mb(f.rssBytes()) + " / " + f.readyMillis() + " ms");
        }
      }
    }
    return out;
  }

  private static Map<String, Long> digestEntries(GatewayCalls http, Map<String, String> urls) {
    Map<String, Long> entries = new LinkedHashMap<>();
    // the scanner's digest answers only between scans; its datasets are not what is measured
    urls.entrySet().removeIf(e -> e.getKey().equals("catalog-scanner"));
    urls.forEach(
        (service, url) -> entries.put(service, new JsonObject(http.get(url)).getLong("entries")));
    return entries;
  }

  /** Live bytes after a full collection of this JVM. */
  private static long liveHeapOfThisJvm() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String loadAverage() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String pair(LatencyRecorder r) {
    return String.format(
        Locale.ROOT, "%.1f / %.1f ms", r.percentileMillis(50), r.percentileMillis(99));
  }

  static String ms(long nanos) {
    return nanos / 1_000_000 + " ms";
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
  }

  private static String kb(long bytes) {
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }
}
