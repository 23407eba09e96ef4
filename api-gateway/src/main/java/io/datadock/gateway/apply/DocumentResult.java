package io.datadock.gateway.apply;

import io.datadock.core.error.DatadockException;
import io.datadock.core.resource.ResourceKey;

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

  public static DocumentResult success(
      ResourceKey key, String version, String outcome, String status, Long resourceVersion) {
    return new DocumentResult(
        key.name(),
        version,
        key.kind(),
        key.tenant(),
        key.workspace(),
        outcome,
        status,
        resourceVersion,
        null);
  }

  public static DocumentResult failure(ResourceKey key, String version, DatadockException error) {
    return new DocumentResult(
        key.name(), version, key.kind(), key.tenant(), key.workspace(), null, null, null, error);
  }

  public boolean failed() {
    return error != null;
  }
}
