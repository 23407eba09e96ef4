package io.datadock.connectors.egress;

import java.nio.file.Path;

/**
 * Where a check or scan of a connection goes, as its source family declares it: a network {@link
 * Endpoint} (decided by the {@link EgressPolicy}) or a {@link LocalPath} (decided by the {@link
 * FileRoots}).
 */
public sealed interface Destination permits Destination.Endpoint, Destination.LocalPath {

  /** A host and port to decide on (the host unresolved). */
  record Endpoint(String host, int port) implements Destination {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  /** A file or directory on this machine. */
  record LocalPath(Path path) implements Destination {}
}
