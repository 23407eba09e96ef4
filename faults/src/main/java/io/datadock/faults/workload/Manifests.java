package io.datadock.faults.workload;

import java.nio.file.Path;

/** The manifests the workload applies: small secrets, and file depots that reference one. */
final class Manifests {

  private Manifests() {}

  static String secret(String name, String password) {
    return """
        name: %s
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data: {username: reader, password: "%s"}
        """
        .formatted(name, password);
  }

  static String fileDepot(String name, Path path, String secret) {
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: file
          spec: {path: "%s", format: csv}
          secrets:
            - {id: "default:%s", purpose: rw}
        """
        .formatted(name, path.toAbsolutePath(), secret);
  }
}
