package io.datadock.secret.resolution;

import io.datadock.schemas.secret.SecretState;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a secret lives among secret-service's instances, and its state on the one that owns it.
 * Both methods throw {@link PartitionMovingException} while the partition is between owners.
 */
public interface SecretPartitions {

  /** The instance actively owning the secret's partition; empty while no instance does yet. */
  Optional<HostInfo> owner(String resourceKey);

  /** The secret's state in this instance's store, or null when there is none. */
  SecretState read(String resourceKey);
}
