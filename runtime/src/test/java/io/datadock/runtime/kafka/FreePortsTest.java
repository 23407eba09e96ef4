package io.datadock.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreePortsTest {

  @Test
  void portsPickedTogetherAreDistinctAndFree() throws IOException {
    int[] ports = FreePorts.pickDistinct(200);

    assertThat(IntStream.of(ports).distinct().count()).isEqualTo(200);
    for (int port : ports) {
      try (ServerSocket bound = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
        assertThat(bound.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void portsPickedOneAfterAnotherAreNeverTheSame() {
    int[] ports = IntStream.range(0, 300).map(i -> FreePorts.pick()).toArray();

    assertThat(IntStream.of(ports).distinct().count()).isEqualTo(300);
  }

  @Test
  void portsComeFromBelowTheEphemeralRangeWhereNoConnectionTakesThem(@TempDir Path dir)
      throws IOException {
    Path range = Files.writeString(dir.resolve("ip_local_port_range"), "32768\t60999\n");

    assertThat(FreePorts.PortRange.belowEphemeral(range))
        .isEqualTo(new FreePorts.PortRange(10_000, 32_767));
    assertThat(FreePorts.PortRange.belowEphemeral(dir.resolve("missing")))
        .isEqualTo(new FreePorts.PortRange(10_000, 32_767));
    Files.writeString(range, "1024 65535");
    assertThat(FreePorts.PortRange.belowEphemeral(range))
        .as("no room below: any port from 10,000 up, each checked")
        .isEqualTo(new FreePorts.PortRange(10_000, 65_535));
  }

  @Test
  void onThisMachineThePickedPortsAreBelowItsEphemeralRange() throws IOException {
    Path system = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    Assumptions.assumeTrue(Files.isReadable(system), "a Linux machine");
    int ephemeralLow = Integer.parseInt(Files.readAllLines(system).get(0).trim().split("\\s+")[0]);
    Assumptions.assumeTrue(ephemeralLow > 11_000, "room below the ephemeral range");

    assertThat(IntStream.of(FreePorts.pickDistinct(50)).max().orElseThrow())
        .isLessThan(ephemeralLow);
  }
}
