package io.datadock.runtime.streams;

import static io.datadock.runtime.streams.EndpointProbe.Answer.LISTENING;
import static io.datadock.runtime.streams.EndpointProbe.Answer.REFUSED;
import static io.datadock.runtime.streams.EndpointProbe.Answer.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class DeadPeersTest {

  private static final HostInfo PEER = new HostInfo("127.0.0.1", 4501);
  private static final HostInfo OTHER = new HostInfo("127.0.0.1", 4502);

  private final DeadPeers peers = new DeadPeers();

  @Test
  void anEndpointThatListenedAndThenRefusesTwiceInARowIsDead() {
    assertThat(peers.look(Map.of(PEER, LISTENING, OTHER, LISTENING))).isEmpty();
    assertThat(peers.look(Map.of(PEER, REFUSED, OTHER, LISTENING))).isEmpty();

    assertThat(peers.look(Map.of(PEER, REFUSED, OTHER, LISTENING))).containsExactly(PEER);
  }

  @Test
  void anEndpointNeverSeenListeningIsNeverDead() {
    // a peer still starting, or one advertising a host that does not reach it
    for (int i = 0; i < 5; i++) {
      assertThat(peers.look(Map.of(PEER, REFUSED))).isEmpty();
    }
  }

  @Test
  void noAnswerInBetweenStartsTheCountAgain() {
    peers.look(Map.of(PEER, LISTENING));
    peers.look(Map.of(PEER, REFUSED));
    peers.look(Map.of(PEER, UNKNOWN));

    assertThat(peers.look(Map.of(PEER, REFUSED))).isEmpty();
    assertThat(peers.look(Map.of(PEER, REFUSED))).containsExactly(PEER);
  }

  @Test
  void aDeadEndpointIsReportedOnceUntilItListensAgain() {
    peers.look(Map.of(PEER, LISTENING));
    peers.look(Map.of(PEER, REFUSED));
    assertThat(peers.look(Map.of(PEER, REFUSED))).containsExactly(PEER);

    assertThat(peers.look(Map.of(PEER, REFUSED))).isEmpty();
    assertThat(peers.look(Map.of(PEER, REFUSED))).isEmpty();

    peers.look(Map.of(PEER, LISTENING)); // restarted on the same endpoint
    peers.look(Map.of(PEER, REFUSED));
    assertThat(peers.look(Map.of(PEER, REFUSED))).containsExactly(PEER);
  }

  @Test
  void anEndpointGoneFromTheMetadataIsForgotten() {
    peers.look(Map.of(PEER, LISTENING));
    peers.look(Map.of(OTHER, LISTENING)); // PEER left the group

    // back, not listening yet: it has not been seen listening since it came back
    assertThat(peers.look(Map.of(PEER, REFUSED))).isEmpty();
    assertThat(peers.look(Map.of(PEER, REFUSED))).isEmpty();
  }

  @Test
  void theDeadEndpointsMembersAreTheStaticOnesHoldingOnlyItsPartitions() {
    Set<TopicPartition> endpoint = Set.of(partition(0), partition(1));
    MemberDescription thread1 = member("m1", Optional.of("depot-2-1"), partition(0));
    MemberDescription thread2 = member("m2", Optional.of("depot-2-2"), partition(1));
    MemberDescription tookOver = member("m3", Optional.of("depot-1-1"), partition(1), partition(2));
    MemberDescription dynamic = member("m4", Optional.empty(), partition(0));
    MemberDescription idle = member("m5", Optional.of("depot-3-1"));

    assertThat(DeadPeers.membersOf(endpoint, List.of(thread1, thread2, tookOver, dynamic, idle)))
        .containsExactly(thread1, thread2);
  }

  private static TopicPartition partition(int n) {
    return new TopicPartition("depot.commands", n);
  }

  private static MemberDescription member(
      String id, Optional<String> instanceId, TopicPartition... partitions) {
    return new MemberDescription(
        id, instanceId, "client-" + id, "/127.0.0.1", new MemberAssignment(Set.of(partitions)));
  }
}
