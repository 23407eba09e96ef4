package io.datadock.secret.resolution;

import io.datadock.schemas.secret.SecretState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/** Secrets in a map, owned by one instance (or by none) as the test says. */
class MemoryPartitions implements SecretPartitions {

  final Map<String, SecretState> store = new HashMap<>();
  Optional<HostInfo> owner;

  MemoryPartitions(HostInfo owner) {
    this.owner = Optional.ofNullable(owner);
  }

  @Override
  public Optional<HostInfo> owner(String resourceKey) {
    return owner;
  }

  @Override
  public SecretState read(String resourceKey) {
    return store.get(resourceKey);
  }
}
