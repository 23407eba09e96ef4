package io.datadock.local;

import java.nio.file.Path;

/** Manifests the integration tests apply more than once. */
final class TestManifests {

  private TestManifests() {}

  /** A v2alpha {@code file} depot on {@code path} referencing secrets of tenant {@code default}. */
  static String filesDepotWithSecrets(String name, Path path, String... secrets) {
    StringBuilder refs = new StringBuilder();
    for (String secret : secrets) {
      refs.append("    - {id: \"default:").append(secret).append("\", purpose: rw}\n");
    }
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: file
          spec: {path: "%s"}
          secrets:
        %s"""
        .formatted(name, path.toAbsolutePath(), refs);
  }
}
