package io.datadock.connectors;

import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.FileRoots;
import io.datadock.connectors.egress.PlatformEndpoints;
import java.nio.file.Path;
import java.util.List;

/** Egress for tests: the local launcher's policy (loopback allowed) and the given file roots. */
public final class TestEgress {

  private TestEgress() {}

  public static Egress local(Path... fileRoots) {
    return new Egress(
        EgressPolicy.of(EgressPolicy.Mode.LOCAL, List.of(), List.of(), new PlatformEndpoints()),
        FileRoots.of(List.of(fileRoots)));
  }
}
