package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import io.datadock.core.manifest.Names;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the tenant shape (MANIFESTS.md §4): {@code spec: {type, spec, secrets: [{id, purpose}]}}.
 */
final class TenantShape {

  private static final Set<String> PURPOSES = Set.of("rw", "scan", "query");

  private TenantShape() {}

  static DepotBody read(Map<String, Object> spec, String depotName) {
    String declared = Values.requiredString(spec, "type", "spec.type");
    SourceType type = SourceType.require(declared, "spec.type");
    return new DepotBody(
        DepotShape.TENANT,
        type,
        declared,
        connection(spec, type),
        secrets(spec, type),
        Values.optionalBoolean(spec, "external", "spec.external", false),
        DepotBody.source(spec, "spec.source", depotName),
        null);
  }

  private static SortedMap<String, Object> connection(Map<String, Object> spec, SourceType type) {
    Map<String, Object> block = Values.optionalMap(spec, "spec", "spec.spec");
    if (block == null) {
      if (ConnectionBlockValidator.needsBlock(type)) {
        throw DatadockException.invalid(
            "spec.spec", "spec.spec is required for a " + type.canonical() + " depot");
      }
      block = Map.of();
    }
    return ConnectionBlockValidator.validate(type, block, "spec.spec");
  }

  /** One reference per secret id, in order of first mention; repeated ids merge purposes. */
  private static List<SecretReference> secrets(Map<String, Object> spec, SourceType type) {
    Map<ResourceKey, SortedSet<String>> purposesById = new LinkedHashMap<>();
    List<Map<String, Object>> items = Values.mapList(spec, "secrets", "spec.secrets");
    for (int i = 0; i < items.size(); i++) {
      String path = "spec.secrets[" + i + "]";
      ResourceKey secret = secretId(Values.requiredString(items.get(i), "id", path + ".id"), path);
      purposesById
          .computeIfAbsent(secret, k -> new TreeSet<>())
          .add(purpose(items.get(i), path + ".purpose"));
    }
    if (purposesById.isEmpty() && type.needsSecrets()) {
      throw DatadockException.invalid(
          "spec.secrets", "a " + type.canonical() + " depot needs at least one secret reference");
    }
    return purposesById.entrySet().stream()
        .map(e -> new SecretReference(e.getKey(), e.getValue(), List.of()))
        .toList();
  }

  private static ResourceKey secretId(String id, String itemPath) {
    String path = itemPath + ".id";
    String form = path + " '" + Values.shorten(id) + "' must be of the form tenant:name";
    int colon = id.indexOf(':');
    if (colon < 0) {
      throw DatadockException.invalid(path, form);
    }
    String tenant = id.substring(0, colon);
    String name = id.substring(colon + 1);
    try {
      Names.resourceName("tenant", tenant);
      Names.secretName("name", name);
    } catch (DatadockException e) {
      throw DatadockException.invalid(path, form + ": " + e.getMessage());
    }
    return new ResourceKey(tenant, ResourceKind.SECRET, null, name);
  }

  private static String purpose(Map<String, Object> item, String path) {
    Object value = item.get("purpose");
    if (value == null) {
      throw DatadockException.invalid(path, path + " is required: rw, scan or query");
    }
    if (!(value instanceof String purpose) || !PURPOSES.contains(purpose)) {
      throw DatadockException.invalid(
          path, "unknown purpose '" + Values.shorten(value) + "', expected rw, scan or query");
    }
    return purpose;
  }
}
