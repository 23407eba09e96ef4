package io.datadock.secret.resolution;

import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.topology.SecretTopology;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** {@link SecretPartitions} by Kafka Streams interactive queries on the {@code secrets} store. */
public final class StreamsSecretPartitions implements SecretPartitions {

  private final Supplier<KafkaStreams> streams;

  /**
   * @param streams the current {@code KafkaStreams} (a replay replaces it)
   */
  public StreamsSecretPartitions(Supplier<KafkaStreams> streams) {
    this.streams = streams;
  }

  @Override
  public Optional<HostInfo> owner(String resourceKey) {
    KeyQueryMetadata owner;
    try {
      owner =
          current()
              .queryMetadataForKey(
                  SecretTopology.SECRETS_STORE, resourceKey, Serdes.String().serializer());
    } catch (InvalidStateStoreException e) {
      throw moving(e);
    }
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return Optional.empty();
    }
    return Optional.of(owner.activeHost());
  }

  @Override
  public SecretState read(String resourceKey) {
    try {
      return current()
          .store(
              StoreQueryParameters.fromNameAndType(
                  SecretTopology.SECRETS_STORE,
                  QueryableStoreTypes.<String, SecretState>keyValueStore()))
          .get(resourceKey);
    } catch (InvalidStateStoreException e) {
      throw moving(e);
    }
  }

  /** The app; none yet while the service starts (its listener answers first), which is a move. */
  private KafkaStreams current() {
    KafkaStreams current = streams.get();
    if (current == null) {
      throw new PartitionMovingException("the service's Kafka Streams app has not started yet");
    }
    return current;
  }

  /** Kafka Streams' message names the store and the thread's state, never a key or a value. */
  private static PartitionMovingException moving(InvalidStateStoreException e) {
    return new PartitionMovingException(e.getMessage());
  }
}
