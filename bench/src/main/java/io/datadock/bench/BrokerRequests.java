package io.datadock.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Requests the in-process broker handled, by type, from its own metrics ({@code
 * kafka.network:type=RequestMetrics,name=RequestsPerSec}): each one costs the broker a round of
 * parsing, locking and a response, so requests per apply explain much of the broker's CPU.
 */
final class BrokerRequests {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private Map<String, Long> start = Map.of();

  void start() {
    start = counts();
  }

  /** Requests per type since {@link #start}, only the types that occurred. */
  Map<String, Long> stop() {
    Map<String, Long> delta = new TreeMap<>();
    counts()
        .forEach(
            (type, count) -> {
              long n = count - start.getOrDefault(type, 0L);
              if (n > 0) {
                delta.put(type, n);
              }
            });
    return delta;
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    try {
      for (ObjectName name :
          server.queryNames(
              new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
        String type = name.getKeyProperty("request");
        long count = ((Number) server.getAttribute(name, "Count")).longValue();
        counts.merge(type, count, Long::sum);
      }
    } catch (javax.management.JMException e) {
      throw new IllegalStateException("cannot read the broker's request metrics", e);
    }
    return counts;
  }
}
