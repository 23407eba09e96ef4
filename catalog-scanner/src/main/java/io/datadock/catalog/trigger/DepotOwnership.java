package io.datadock.catalog.trigger;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

/**
 * Which depots this instance owns: those whose key the producers' partitioner puts on a {@code
 * depot.events} partition assigned here. Periodic rescans and the scanner's digest go by it, so
 * that instances share the depots as they share the events.
 */
public final class DepotOwnership {

  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private volatile int partitionCount;

  /** Partitions of {@code depot.events} assigned here, out of {@code count}. */
  public void assigned(Collection<Integer> partitions, int count) {
    partitionCount = count;
    owned.addAll(partitions);
  }

  public void revoked(Collection<Integer> partitions) {
    owned.removeAll(partitions);
  }

  /** The {@code depot.events} partitions owned now. */
  public Set<Integer> partitions() {
    return Set.copyOf(owned);
  }

  public boolean owns(String depotKey) {
    OptionalInt partition = partitionOf(depotKey);
    return partition.isPresent() && owned.contains(partition.getAsInt());
  }

  /** The partition of {@code depot.events} a depot's events go to; empty before any assignment. */
  public OptionalInt partitionOf(String depotKey) {
    int count = partitionCount;
    return count == 0
        ? OptionalInt.empty()
        : OptionalInt.of(
            BuiltInPartitioner.partitionForKey(depotKey.getBytes(StandardCharsets.UTF_8), count));
  }
}
