package io.datadock.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.streams.EndpointProbe.Answer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class EndpointProbeTest {

  private final EndpointProbe probe = new EndpointProbe(Duration.ofMillis(500));

  @Test
  void aListeningPortIsListeningAndTheSamePortClosedIsRefused() throws Exception {
    HostInfo endpoint;
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      endpoint = new HostInfo("127.0.0.1", socket.getLocalPort());
      assertThat(probe.probe(endpoint)).isEqualTo(Answer.LISTENING);
    }

    assertThat(probe.probe(endpoint)).isEqualTo(Answer.REFUSED);
  }
}
