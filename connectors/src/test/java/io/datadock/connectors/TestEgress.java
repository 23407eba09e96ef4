package io.datadock.connectors;

import io.datadock.connectors.egress.Cidr;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.FileRoots;
import io.datadock.connectors.egress.PlatformEndpoints;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/** Egress for tests: the local launcher's policy (loopback allowed) and the given file roots. */
public final class TestEgress {

  private TestEgress() {}

  /** A standalone service's policy: loopback and private ranges denied. */
  public static Egress standalone() {
    return new Egress(
        EgressPolicy.of(
            EgressPolicy.Mode.STANDALONE, List.of(), List.of(), new PlatformEndpoints()),
        FileRoots.of(List.of()));
  }

  /**
   * A standalone gate whose resolver answers every name with the cloud metadata address
   * 169.254.169.254 (no name is looked up), noting the names it is asked for in {@code asked}.
   */
  public static EgressGate answeringMetadataAddress(List<String> asked) {
    return new EgressGate(
        standalone().policy(),
        host -> {
          asked.add(host);
          return new InetAddress[] {
            InetAddress.getByAddress(
                host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})
          };
        });
  }

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
