package io.datadock.connectors;

import io.datadock.connectors.egress.Cidr;
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

  /** The policy of {@code DATADOCK_EGRESS_DENY=<deny>} (loopback otherwise allowed), no files. */
  public static Egress denying(String... deny) {
    return new Egress(
        EgressPolicy.of(
            EgressPolicy.Mode.LOCAL,
            List.of(),
            Cidr.parseAll(List.of(deny)),
            new PlatformEndpoints()),
        FileRoots.of(List.of()));
  }
}
