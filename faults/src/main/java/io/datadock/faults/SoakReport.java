package io.datadock.faults;

import io.datadock.faults.history.Operation;
import io.datadock.faults.history.Operation.Outcome;
import io.datadock.faults.history.Operation.Type;
import io.datadock.faults.history.Verdict;
import io.datadock.faults.history.Violation;
import io.datadock.faults.soak.HeapFlatness;
import io.datadock.faults.soak.Latencies;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a soak measured: its figures, the checker's verdict, each process's heap per minute.
 *
 * @param unknownCauses what the client got for each operation left without an answer
 * @param answeredOnRetry operations left without an answer whose request the client then sent to
 *     the other gateway and got answered: the checker still counts each as one that may have taken
 *     effect, the client saw no error
 */
public record SoakReport(
    List<Operation> history,
    Map<Long, String> unknownCauses,
    Set<Long> answeredOnRetry,
    long loadNanos,
    Verdict verdict,
    List<Availability.Cost> events,
    List<String> watchers,
    long watcherErrors,
    Map<String, List<Long>> heap) {

  public long applies() {
    return history.stream().filter(o -> o.type() == Type.APPLY).count();
  }

  /** Requests the client got no answer for, or a 5xx, even from the other gateway. */
  public long errors() {
    return history.stream().filter(this::error).count();
  }

  private boolean error(Operation o) {
    return o.outcome() == Outcome.UNKNOWN && !answeredOnRetry.contains(o.id());
  }

  /**
   * When the errors came, to what and what the client got: for each minute of the run (from 1) with
   * any, the count per kind, request and status (or exception), e.g. {@code 20: depot APPLY 504 25,
   * depot DELETE 504 6}.
   */
  public String errorsByMinute() {
    Map<Long, Map<String, Long>> byMinute =
        history.stream()
            .filter(this::error)
            .collect(
                Collectors.groupingBy(
                    o -> o.invoked() / 60_000_000_000L + 1,
                    TreeMap::new,
                    Collectors.groupingBy(
                        o ->
                            kind(o.key())
                                + " "
                                + o.type()
                                + " "
                                + unknownCauses.getOrDefault(o.id(), "?"),
                        TreeMap::new,
                        Collectors.counting())));
    return byMinute.entrySet().stream()
        .map(
            minute ->
                minute.getKey()
                    + ": "
                    + minute.getValue().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }

  /** {@code secret} of {@code <tenant>/secret/<name>}. */
  private static String kind(String key) {
    String[] parts = key.split("/");
    return parts.length > 1 ? parts[1] : key;
  }

  public List<HeapFlatness> flatness() {
    return heap.entrySet().stream()
        .map(e -> HeapFlatness.of(e.getKey(), e.getValue()))
        .filter(Objects::nonNull)
        .toList();
  }

  /** The answers' violations, the replay digests left out (secret-service's is an open finding). */
  public List<Violation> answerViolations() {
    return verdict.violations().stream()
        .filter(v -> v.rule() != Violation.Rule.DIGEST_DIFFERS)
        .toList();
  }

  /** No answer contradicted, no request without an answer, no watcher error, every heap flat. */
  public boolean holds() {
    List<HeapFlatness> flatness = flatness();
    return answerViolations().isEmpty()
        && errors() == 0
        && watcherErrors == 0
        && !flatness.isEmpty()
        && flatness.stream().allMatch(HeapFlatness::flat);
  }

  public String text() {
    double seconds = loadNanos / 1e9;
    long[] latencies =
        history.stream()
            .filter(o -> o.outcome() != Outcome.UNKNOWN)
            .mapToLong(o -> o.completed() - o.invoked())
            .toArray();
    Latencies l = new Latencies(latencies);
    long refused = history.stream().filter(o -> o.outcome() == Outcome.FAILED).count();
    StringBuilder b = new StringBuilder();
    b.append(
        "soak: %.0f s, requests=%d (%.1f/s), applies=%d (%.1f/s), p50=%.0f ms p99=%.0f ms, errors=%d (no answer or 5xx), answered on the other gateway=%d, refused 4xx=%d%n"
            .formatted(
                seconds,
                history.size(),
                history.size() / seconds,
                applies(),
                applies() / seconds,
                l.percentileMillis(50),
                l.percentileMillis(99),
                errors(),
                answeredOnRetry.size(),
                refused));
    if (errors() > 0) {
      b.append("errors by minute: ").append(errorsByMinute()).append('\n');
    }
    watchers.forEach(w -> b.append(w).append('\n'));
    events.forEach(c -> b.append(c).append('\n'));
    heap.forEach(
        (process, samples) ->
            b.append("%-9s heap after GC per minute (MB):".formatted(process))
                .append(
                    samples.stream()
                        .map(s -> " %.1f".formatted(s / 1e6))
                        .reduce("", String::concat))
                .append('\n'));
    flatness().forEach(f -> b.append(f).append('\n'));
    b.append(verdict.report());
    b.append("soak verdict: ").append(holds() ? "OK" : "FAILED").append('\n');
    return b.toString();
  }
}
