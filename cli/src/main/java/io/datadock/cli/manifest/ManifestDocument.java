package io.datadock.cli.manifest;

import io.datadock.cli.output.Structured;
import java.nio.file.Path;
import java.util.Map;

/** One YAML document of a manifest file. */
public record ManifestDocument(Path source, int index, Map<String, Object> body) {

  public String name() {
    return string("name");
  }

  public String version() {
    return string("version");
  }

  public String type() {
    return string("type");
  }

  /** {@code name:version:type}, as the apply lines show it. */
  public String id() {
    return name() + ":" + version() + ":" + type();
  }

  /**
   * The workspace the document applies into: only a v1 secret lives in one, the {@code -w} given,
   * else its own {@code workspace:}, else {@code public}; null for everything else.
   */
  public String workspace(String requested) {
    if (!ResourceType.SECRET.is(type()) || !"v1".equals(version())) {
      return null;
    }
    if (requested != null) {
      return requested;
    }
    String own = string("workspace");
    return own.isEmpty() ? "public" : own;
  }

  public String toYaml() {
    return Structured.yaml().dump(body);
  }

  private String string(Object key) {
    Object v = body.get(key);
    return v == null ? "" : v.toString();
  }
}
