package io.datadock.core.manifest;

import io.datadock.core.error.DatadockException;
import io.datadock.core.resource.ResourceKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Validates the three secret shapes of MANIFESTS.md field by field and normalizes them. Each
 * failure names its field. Unknown top-level fields are ignored: DataOS manifests carry fields
 * Datadock has no use for, and they must apply unchanged.
 */
public final class SecretManifestValidator {

  private static final Set<String> V2ALPHA_TYPES =
      Set.of(
          "key-value",
          "key-value-properties",
          "certificates",
          "cloud-kernel",
          "cloud-kernel-image-pull");
  private static final Set<String> INSTANCE_TYPES =
      Set.of("key-value", "key-value-properties", "certificates", "cloud-kernel");
  private static final Set<String> ACLS = Set.of("r", "rw");
  private static final String DEFAULT_WORKSPACE = "public";

  private SecretManifestValidator() {}

  public static SecretManifest validate(Map<String, Object> doc, ApplyContext ctx) {
    return validate(doc, ctx, ManifestLimits.defaults());
  }

  public static SecretManifest validate(
      Map<String, Object> doc, ApplyContext ctx, ManifestLimits limits) {
    String name = Names.secretName("name", ManifestHeader.requiredString(doc, "name"));
    String version = ManifestHeader.requiredString(doc, "version");
    if (!version.equals("v1") && !version.equals("v2alpha")) {
      throw DatadockException.invalid(
          "version", "unknown version '" + version + "', expected v1 or v2alpha");
    }
    ResourceKind kind = ManifestHeader.type(doc);
    if (kind == ResourceKind.DEPOT) {
      throw DatadockException.invalid("type", "a depot is not a secret");
    }
    if (kind == ResourceKind.INSTANCE_SECRET && !version.equals("v1")) {
      throw DatadockException.invalid(
          "version", "an instance-secret is version v1, not '" + version + "'");
    }
    String block = kind.wireName();
    Map<String, Object> spec = block(doc, block);
    Set<String> types = kind == ResourceKind.INSTANCE_SECRET ? INSTANCE_TYPES : V2ALPHA_TYPES;
    String secretType = ManifestHeader.requiredString(spec, "type");
    if (!types.contains(secretType)) {
      throw DatadockException.invalid(
          block + ".type",
          "unknown secret type '"
              + secretType
              + "', expected one of "
              + String.join(", ", new TreeMap<>(toMap(types)).keySet()));
    }
    String acl = acl(spec, kind, version, block);
    String tenant = tenant(doc, ctx);
    String workspace = null;
    if (kind == ResourceKind.SECRET && version.equals("v1")) {
      String ws =
          ctx.workspaceParam() != null
              ? ctx.workspaceParam()
              : ManifestHeader.optionalString(doc, "workspace", "workspace");
      workspace = Names.resourceName("workspace", ws == null ? DEFAULT_WORKSPACE : ws);
    }
    SortedMap<String, String> data = data(spec, block);
    SortedMap<String, byte[]> files = files(spec, block);
    if (data.isEmpty() && files.isEmpty()) {
      throw DatadockException.invalid(
          block + ".data", block + ".data or " + block + ".files must hold at least one entry");
    }
    long size =
        data.entrySet().stream()
                .mapToLong(
                    e -> e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length)
                .sum()
            + files.entrySet().stream()
                .mapToLong(e -> e.getKey().length() + e.getValue().length)
                .sum();
    if (size > limits.maxSecretBytes()) {
      throw DatadockException.invalid(
          block + ".data", "secret data exceeds " + limits.maxSecretBytes() + " bytes");
    }
    String owner = ManifestHeader.optionalString(doc, "owner", "owner");
    String layer = ManifestHeader.layer(doc);
    return new SecretManifest(
        name,
        version,
        kind,
        secretType,
        tenant,
        workspace,
        owner == null ? ctx.callerId() : owner,
        layer,
        ManifestHeader.optionalString(doc, "description", "description"),
        ManifestHeader.tags(doc),
        acl,
        data,
        files,
        ManifestHeader.resourceVersion(doc));
  }

  private static Map<String, Boolean> toMap(Set<String> set) {
    Map<String, Boolean> m = new TreeMap<>();
    set.forEach(s -> m.put(s, true));
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> block(Map<String, Object> doc, String block) {
    Object value = doc.get(block);
    if (value == null) {
      throw DatadockException.invalid(
          block, "a " + block + " manifest needs a '" + block + ":' block");
    }
    if (!(value instanceof Map<?, ?>)) {
      throw DatadockException.invalid(block, block + " must be a mapping");
    }
    return (Map<String, Object>) value;
  }

  /**
   * Instance secrets need an acl; a v1 workspace secret may carry one (DataOS's v1 Secret has it in
   * the {@code secret:} block), absent meaning every purpose; a v2alpha secret has none, its depot
   * references name their purposes.
   */
  private static String acl(
      Map<String, Object> spec, ResourceKind kind, String version, String block) {
    Object acl = spec.get("acl");
    if (kind == ResourceKind.INSTANCE_SECRET && acl == null) {
      throw DatadockException.invalid(
          block + ".acl", "acl is required for an instance secret: r or rw");
    }
    if (acl == null) {
      return null;
    }
    if (!version.equals("v1")) {
      throw DatadockException.invalid(
          block + ".acl",
          "acl applies to v1 secrets and instance secrets only; a "
              + version
              + " secret's depot references name their purposes");
    }
    if (!(acl instanceof String s) || !ACLS.contains(s)) {
      throw DatadockException.invalid(block + ".acl", "acl must be r or rw");
    }
    return s;
  }

  private static String tenant(Map<String, Object> doc, ApplyContext ctx) {
    String tenant = ManifestHeader.optionalString(doc, "tenant", "tenant");
    if (tenant == null) {
      tenant = ctx.tenantParam() != null ? ctx.tenantParam() : ctx.defaultTenant();
    }
    return Names.resourceName("tenant", tenant);
  }

  /**
   * Data values are text. A number or boolean is taken as its text: the parsers keep a YAML plain
   * scalar's text as written ({@link DataScalars}), so this covers maps built otherwise. A null, a
   * list or a mapping is refused naming the field.
   */
  private static SortedMap<String, String> data(Map<String, Object> spec, String block) {
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, Object> e : entries(spec, "data", block).entrySet()) {
      String field = block + ".data." + e.getKey();
      Names.dataKey(field, e.getKey());
      Object value = e.getValue();
      if (value instanceof String s) {
        out.put(e.getKey(), s);
      } else if (value instanceof Number || value instanceof Boolean) {
        out.put(e.getKey(), value.toString());
      } else if (value == null) {
        throw DatadockException.invalid(
            field, field + " has no value: give a string, a number or a boolean");
      } else {
        throw DatadockException.invalid(
            field,
            field
                + " must be a string, a number or a boolean, not "
                + (value instanceof Map<?, ?>
                    ? "a mapping"
                    : value instanceof List<?> ? "a list" : "a value of this kind"));
      }
    }
    return out;
  }

  private static SortedMap<String, byte[]> files(Map<String, Object> spec, String block) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    for (Map.Entry<String, Object> e : entries(spec, "files", block).entrySet()) {
      String field = block + ".files." + e.getKey();
      Names.dataKey(field, e.getKey());
      if (!(e.getValue() instanceof String s)) {
        throw DatadockException.invalid(field, field + " must be base64 file content");
      }
      try {
        out.put(e.getKey(), Base64.getMimeDecoder().decode(strictBase64(s, field)));
      } catch (IllegalArgumentException ex) {
        throw DatadockException.invalid(field, field + " must be base64 file content");
      }
    }
    return out;
  }

  private static String strictBase64(String s, String field) {
    String compact = s.replaceAll("\\s", "");
    if (!compact.matches("[A-Za-z0-9+/]*={0,2}") || compact.length() % 4 != 0) {
      throw DatadockException.invalid(field, field + " must be base64 file content");
    }
    return compact;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entries(Map<String, Object> spec, String field, String block) {
    Object value = spec.get(field);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw DatadockException.invalid(
          block + "." + field, block + "." + field + " must be a mapping of names to values");
    }
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw DatadockException.invalid(
            block + "." + field, block + "." + field + " keys must be strings");
      }
    }
    return (Map<String, Object>) value;
  }
}
