package io.datadock.core.manifest.depot;

import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A validated depot manifest of either shape, normalized. Holds no secret values: a depot only
 * names the secrets it uses.
 *
 * @param declaredType the source type as written, for example {@code POSTGRESQL}
 * @param connection the validated connection fields, plus any extra fields copied unchanged
 * @param scan the catalog scanner's filters ({@code collections}/{@code datasets} → {@code
 *     include}/{@code exclude} → regexes), or null for everything
 */
public record DepotManifest(
    String name,
    String manifestVersion,
    String tenant,
    String owner,
    String layer,
    String description,
    List<String> tags,
    DepotShape shape,
    SourceType sourceType,
    String declaredType,
    SortedMap<String, Object> connection,
    List<SecretReference> secrets,
    boolean external,
    String source,
    SortedMap<String, Object> scan,
    Long resourceVersion) {

  public DepotManifest {
    tags = List.copyOf(tags);
    connection = Collections.unmodifiableSortedMap(new TreeMap<>(connection));
    secrets = List.copyOf(secrets);
  }

  public ResourceKey key() {
    return new ResourceKey(tenant, ResourceKind.DEPOT, null, name);
  }
}
