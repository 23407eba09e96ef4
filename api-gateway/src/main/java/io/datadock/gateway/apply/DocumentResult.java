package io.datadock.gateway.apply;

import io.datadock.core.error.DatadockException;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.schemas.resource.ResourceState;

/**
 * The result of one document of an apply (or of a delete): either an outcome or an error.
 *
 * @param outcome created, updated, unchanged, deleted, validated (dry run) or accepted (broker-ack
 *     mode); null on error
 * @param message why a depot applied with {@code wait=true} is in error, or its caveat
 */
public record DocumentResult(
    String name,
    String version,
    ResourceKind type,
    String tenant,
    String workspace,
    String outcome,
    String status,
    Long resourceVersion,
    DatadockException error,
    String message) {

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
        null,
        null);
  }

  public static DocumentResult failure(ResourceKey key, String version, DatadockException error) {
    return new DocumentResult(
        key.name(),
        version,
        key.kind(),
        key.tenant(),
        key.workspace(),
        null,
        null,
        null,
        error,
        null);
  }

  /**
   * The result with the status the resource settled in (a depot applied with {@code wait=true}),
   * and, when the depot is in error or carries a caveat, the message saying why.
   */
  public DocumentResult withState(ResourceState state) {
    String message = null;
    if (state.getDetails() != null) {
      message = new io.vertx.core.json.JsonObject(state.getDetails()).getString("message");
    }
    return new DocumentResult(
        name,
        version,
        type,
        tenant,
        workspace,
        outcome,
        state.getStatus(),
        state.getResourceVersion(),
        null,
        message);
  }

  public boolean failed() {
    return error != null;
  }
}
