package io.datadock.catalog.replay;

import io.datadock.catalog.trigger.DepotOwnership;
import io.datadock.catalog.view.CatalogStore;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.schemas.Topics;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scanner's state digest, by {@code depot.events} partition: the datasets of the depots keyed
 * to each partition, as the catalog view holds them.
 */
final class CatalogDigest {

  private CatalogDigest() {}

  static Map<Integer, StateDigest> of(
      Set<Integer> partitions, CatalogStore store, DepotOwnership ownership) {
    Map<Integer, StateDigest.Builder> builders = new TreeMap<>();
    partitions.forEach(p -> builders.put(p, StateDigest.builder()));
    var serializer = Topics.CATALOG_DATASETS.valueSerde().serializer();
    for (String depotKey : store.depotKeys()) {
      OptionalInt partition = ownership.partitionOf(depotKey);
      StateDigest.Builder builder =
          partition.isPresent() ? builders.get(partition.getAsInt()) : null;
      if (builder != null) {
        new TreeMap<>(store.datasetsOf(depotKey))
            .forEach((key, dataset) -> builder.add(key, serializer.serialize(key, dataset)));
      }
    }
    Map<Integer, StateDigest> digests = new TreeMap<>();
    builders.forEach((p, b) -> digests.put(p, b.build()));
    return digests;
  }
}
