package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import io.datadock.core.manifest.Names;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Reads the instance-secret shape (MANIFESTS.md §5): {@code depot: {type, secrets: [{name,
 * allkeys|keys}], <type>: {connection}}}, the connection block named after the type in lower case.
 * {@code keys: [<the secret's own name>]} means the whole secret ({@link #keys}).
 */
final class InstanceSecretShape {

  private InstanceSecretShape() {}

  static DepotBody read(Map<String, Object> depot, String depotName, String tenant) {
    String declared = Values.requiredString(depot, "type", "depot.type");
    SourceType type = jdbcDialect(depot, SourceType.require(declared, "depot.type"));
    return new DepotBody(
        DepotShape.INSTANCE_SECRET,
        type,
        declared,
        connection(depot, type, declared),
        secrets(depot, type, tenant),
        Values.optionalBoolean(depot, "external", "depot.external", false),
        DepotBody.source(depot, "depot.source", depotName),
        Values.optionalString(depot, "description", "depot.description"));
  }

  private static final List<SourceType> JDBC_DIALECTS =
      List.of(
          SourceType.POSTGRES,
          SourceType.MYSQL,
          SourceType.MSSQL,
          SourceType.ORACLE,
          SourceType.REDSHIFT);

  /**
   * DataOS writes {@code type: JDBC} with a block named after the database ({@code postgresql:}),
   * as in MANIFESTS.md §5: such a depot is that database's source type, declared as JDBC.
   */
  private static SourceType jdbcDialect(Map<String, Object> depot, SourceType type) {
    if (type != SourceType.JDBC || depot.get("jdbc") != null) {
      return type;
    }
    return depot.keySet().stream()
        .map(SourceType::lookup)
        .flatMap(java.util.Optional::stream)
        .filter(JDBC_DIALECTS::contains)
        .findFirst()
        .orElse(type);
  }

  /** The block may be named as the type was written, by its canonical name or by an alias. */
  private static SortedMap<String, Object> connection(
      Map<String, Object> depot, SourceType type, String declared) {
    Set<String> names = new LinkedHashSet<>();
    names.add(declared.trim().toLowerCase(Locale.ROOT));
    names.add(type.canonical());
    names.addAll(type.aliases());
    List<String> present = names.stream().filter(n -> depot.get(n) != null).toList();
    String expected = "depot." + names.iterator().next();
    if (present.size() > 1) {
      throw DatadockException.invalid(
          "depot." + present.get(1),
          "give one connection block, not both depot."
              + present.get(0)
              + " and depot."
              + present.get(1));
    }
    if (present.isEmpty()) {
      if (ConnectionBlockValidator.needsBlock(type)) {
        throw DatadockException.invalid(
            expected, expected + " is required for type " + Values.shorten(declared));
      }
      return ConnectionBlockValidator.validate(type, Map.of(), expected);
    }
    String path = "depot." + present.get(0);
    return ConnectionBlockValidator.validate(
        type, Values.map(depot.get(present.get(0)), path), path);
  }

  private static List<SecretReference> secrets(
      Map<String, Object> depot, SourceType type, String tenant) {
    List<SecretReference> refs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> items = Values.mapList(depot, "secrets", "depot.secrets");
    for (int i = 0; i < items.size(); i++) {
      String path = "depot.secrets[" + i + "]";
      String name =
          Names.secretName(
              path + ".name", Values.requiredString(items.get(i), "name", path + ".name"));
      if (!seen.add(name)) {
        throw DatadockException.invalid(
            path + ".name", path + ".name '" + name + "' is listed more than once");
      }
      refs.add(
          new SecretReference(
              new ResourceKey(tenant, ResourceKind.INSTANCE_SECRET, null, name),
              new TreeSet<>(),
              keys(items.get(i), name, path)));
    }
    if (refs.isEmpty() && type.needsSecrets()) {
      throw DatadockException.invalid(
          "depot.secrets", "a " + type.canonical() + " depot needs at least one secret reference");
    }
    return refs;
  }

  /**
   * Exactly one of {@code allkeys: true} and {@code keys: [..]}; an empty result means every key.
   * DataOS's own examples write {@code {name: alpha-r, keys: [alpha-r]}}: an entry naming the
   * referenced secret itself means the whole secret, as {@code allkeys: true} does. Other entries
   * select data keys (and file names) of the secret.
   */
  private static List<String> keys(Map<String, Object> item, String secretName, String path) {
    boolean all = Values.optionalBoolean(item, "allkeys", path + ".allkeys", false);
    Object keys = item.get("keys");
    if (all && keys != null) {
      throw DatadockException.invalid(
          path + ".keys", path + " has both allkeys: true and keys:, give one");
    }
    if (all) {
      return List.of();
    }
    if (keys == null) {
      throw DatadockException.invalid(
          path + ".allkeys", path + " needs allkeys: true or keys: [..]");
    }
    if (!(keys instanceof List<?> list) || list.isEmpty()) {
      throw DatadockException.invalid(
          path + ".keys", path + ".keys must be a non-empty list of key names");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String keyPath = path + ".keys[" + i + "]";
      if (!(list.get(i) instanceof String key)) {
        throw DatadockException.invalid(keyPath, keyPath + " must be a string");
      }
      out.add(Names.dataKey(keyPath, key));
    }
    return out.contains(secretName) ? List.of() : out;
  }
}
