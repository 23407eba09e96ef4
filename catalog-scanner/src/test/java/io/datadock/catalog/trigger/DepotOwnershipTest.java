package io.datadock.catalog.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class DepotOwnershipTest {

  static final int PARTITIONS = 6;

  @Test
  void aDepotBelongsToThePartitionTheDefaultPartitionerPutsItsEventsOn() {
    DepotOwnership ownership = new DepotOwnership();
    ownership.assigned(List.of(), PARTITIONS);
    for (String key : List.of("default/depot:v2alpha:a", "acme/depot:v2alpha:b", "x", "")) {
      // murmur2 of the key's bytes, made positive, modulo the partitions: the producers' rule,
      // which the scanner computed by hand before
      int byHand =
          Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
      assertThat(ownership.partitionOf(key)).hasValue(byHand);
    }
  }

  @Test
  void itOwnsTheDepotsOfItsAssignedPartitionsOnly() {
    DepotOwnership ownership = new DepotOwnership();
    assertThat(ownership.partitionOf("a")).as("before any assignment").isEmpty();
    assertThat(ownership.owns("a")).isFalse();
    ownership.assigned(List.of(0, 1, 2), 3);
    assertThat(ownership.owns("a")).isTrue();
    int partition = ownership.partitionOf("a").getAsInt();
    ownership.revoked(List.of(partition));
    assertThat(ownership.owns("a")).isFalse();
    assertThat(ownership.partitions()).hasSize(2).doesNotContain(partition);
  }
}
