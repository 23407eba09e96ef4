package io.datadock.connectors.objectstore;

/** Where a depot's objects are: the host and port the reach step probes, and words for messages. */
public interface StoreLocation {

  String host();

  int port();

  /** {@code s3://bucket/prefix} or the like, for messages and log lines. */
  String describe();
}
