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

  public String toYaml() {
    return Structured.yaml().dump(body);
  }

  private String string(Object key) {
    Object v = body.get(key);
    return v == null ? "" : v.toString();
  }
}
