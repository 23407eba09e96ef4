package io.datadock.secret.resolution;

/**
 * The secret's partition is between owners: this instance's Kafka Streams is rebalancing or still
 * restoring it, so neither its owner nor its state can be read now. Answered 503 (retry), as a
 * partition without an owner is: it happens after every instance start, kill or pause.
 */
public final class PartitionMovingException extends RuntimeException {

  public PartitionMovingException(String message) {
    super(message, null, false, false);
  }
}
