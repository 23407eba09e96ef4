package io.datadock.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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
}
