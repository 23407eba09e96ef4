package io.datadock.connectors;

/**
 * Where a check goes first: the host and port its {@code reach host} step probes, and words for
 * messages and log lines.
 */
public interface Reachable {

  String host();

  int port();

  /** {@code s3://bucket/prefix}, {@code https://acme.snowflakecomputing.com:443 account 'acme'}. */
  String describe();
}
