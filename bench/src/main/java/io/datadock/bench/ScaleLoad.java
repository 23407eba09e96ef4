package io.datadock.bench;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fills a platform through its gateway at full rate, as users would: secrets {@code s-0..}, then
 * file depots {@code d-i}, each referencing its own secret {@code s-i}, applied without waiting for
 * their saga; and replays a service holding them.
 */
final class ScaleLoad {

  private static final String RESOURCES = "/api/v1/resources";

  private ScaleLoad() {}

  static Map<String, String> secrets(LoadGenerator load, int clients, int count) {
    LoadGenerator.Result r =
        load.run(clients, count, 3_600_000, i -> ApplyBenchmark.secret("s-" + i, i));
    requireAll(r, count, "secrets");
    return Map.of(
        count + " secrets applied (" + clients + " clients)",
        String.format(
            Locale.ROOT, "%.1f s, %.0f/s, p99 %.1f ms", r.seconds(), r.throughput(), p99(r)));
  }

  /** Applies the depots, then waits until every one is active (or failed: counted). */
  static Map<String, String> depots(
      LoadGenerator load, GatewayCalls http, String gatewayUrl, int clients, int count, Path files)
      throws InterruptedException {
    long started = System.nanoTime();
    LoadGenerator.Result r =
        load.run(clients, count, 3_600_000, i -> depot("d-" + i, files, "s-" + i));
    requireAll(r, count, "depots");
    int active;
    int failed;
    do {
      Thread.sleep(1000); // polling interval of the listing, not synchronization
      String list = http.get(gatewayUrl + RESOURCES + "?type=depot");
      active = occurrences(list, "\"status\":\"active\"");
      failed = occurrences(list, "\"status\":\"error\"");
    } while (active + failed < count);
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, String> out = new LinkedHashMap<>();
    out.put(
        count + " depots applied, no wait (" + clients + " clients)",
        String.format(
            Locale.ROOT, "%.1f s, %.0f/s, p99 %.1f ms", r.seconds(), r.throughput(), p99(r)));
    out.put(
        count + " depots applied → all active",
        String.format(
            Locale.ROOT, "%.1f s, %.0f depots/s, %d failed", seconds, count / seconds, failed));
    return out;
  }

  /** Replays {@code service} through the gateway's coordinator and reports its answer. */
  static Map<String, String> replay(GatewayCalls http, String gatewayUrl, String service) {
    JsonObject answer =
        new JsonObject(
            http.post(
                gatewayUrl + "/api/v1/admin/replay?timeoutSeconds=1800",
                "application/json",
                new JsonObject().put("service", service).encode()));
    return Map.of(
        "replay of "
            + service
            + "-service ("
            + answer.getJsonObject("after").getLong("entries")
            + " entries)",
        answer.getLong("tookMs") + " ms, state equal: " + answer.getBoolean("equal"));
  }

  static String depot(String name, Path path, String secret) {
    return ("name: %s\nversion: v2alpha\ntype: depot\nspec:\n  type: file\n"
            + "  spec: {path: \"%s\"}\n  secrets: [{id: \"default:%s\", purpose: rw}]\n")
        .formatted(name, path.toAbsolutePath(), secret);
  }

  private static void requireAll(LoadGenerator.Result r, int count, String what) {
    if (r.latencies().count() != count) {
      throw new IllegalStateException(
          what
              + ": "
              + r.latencies().count()
              + " of "
              + count
              + " applied, "
              + r.latencies().failures()
              + " failed");
    }
  }

  private static double p99(LoadGenerator.Result r) {
    return r.latencies().percentileMillis(99);
  }

  private static int occurrences(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
