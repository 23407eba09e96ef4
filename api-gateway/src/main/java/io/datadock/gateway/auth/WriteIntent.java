package io.datadock.gateway.auth;

import io.datadock.core.manifest.SecretManifest;
import io.datadock.core.manifest.depot.DepotManifest;
import io.datadock.core.manifest.depot.SourceType;
import io.datadock.core.resource.ResourceKey;

/**
 * What one validated document would write, as far as authorization cares: which resource, for which
 * owner, and for a depot its source type and the field that declares it.
 *
 * @param sourceType null for a secret
 * @param sourceTypeField where the manifest declares the source type ({@code spec.type} or {@code
 *     depot.type}), null for a secret
 */
public record WriteIntent(
    ResourceKey key, String owner, SourceType sourceType, String sourceTypeField) {

  public static WriteIntent of(SecretManifest secret) {
    return new WriteIntent(secret.key(), secret.owner(), null, null);
  }

  public static WriteIntent of(DepotManifest depot) {
    return new WriteIntent(
        depot.key(), depot.owner(), depot.sourceType(), depot.shape().typeField());
  }
}
