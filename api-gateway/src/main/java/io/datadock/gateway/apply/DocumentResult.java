package io.datadock.gateway.apply;

import io.datadock.core.error.DatadockException;

/**
 * The result of one document of an apply (or of a delete): either an outcome or an error.
 *
 * @param outcome created, updated, unchanged, deleted, validated (dry run) or accepted (broker-ack
 *     mode); null on error
 */
public record DocumentResult(
    String name,
    String version,
    String type,
    String tenant,
    String workspace,
    String outcome,
    String status,
    Long resourceVersion,
    DatadockException error) {

  public boolean failed() {
    return error != null;
  }
}
