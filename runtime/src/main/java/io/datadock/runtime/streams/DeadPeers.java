package io.datadock.runtime.streams;

import io.datadock.runtime.streams.EndpointProbe.Answer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Tells, from one look after another at the peers' endpoints, which group members belong to a
 * process that is gone: its endpoint accepted connections at an earlier look and has refused them
 * at {@link #REFUSALS} looks in a row since. An endpoint never seen listening (a peer starting, a
 * wrong advertised host) never counts, nor does one that does not answer (a paused process).
 *
 * <p>A dead endpoint's members are the static members (those with a group instance id, which the
 * group can be told to remove) whose assigned partitions are all among the endpoint's: a member
 * that has since taken over other partitions too is someone else, as after a rebalance this look's
 * metadata has not caught up with yet.
 */
final class DeadPeers {

  static final int REFUSALS = 2;

  private final Set<HostInfo> seenListening = new HashSet<>();
  private final Map<HostInfo, Integer> refusals = new HashMap<>();

  /**
   * Records one look.
   *
   * @param answers each peer endpoint's probe at this look; endpoints no longer among them are
   *     forgotten
   * @return the endpoints dead as of this look, each reported once (it must listen again before it
   *     can be reported again)
   */
  Set<HostInfo> look(Map<HostInfo, Answer> answers) {
    seenListening.retainAll(answers.keySet());
    refusals.keySet().retainAll(answers.keySet());
    Set<HostInfo> dead = new HashSet<>();
    answers.forEach(
        (endpoint, answer) -> {
          switch (answer) {
            case LISTENING -> {
              seenListening.add(endpoint);
              refusals.remove(endpoint);
            }
            case REFUSED -> {
              if (seenListening.contains(endpoint)
                  && refusals.merge(endpoint, 1, Integer::sum) >= REFUSALS) {
                dead.add(endpoint);
                seenListening.remove(endpoint);
                refusals.remove(endpoint);
              }
            }
            case UNKNOWN -> refusals.remove(endpoint);
          }
        });
    return dead;
  }

  /** The static members whose every assigned partition was the dead endpoint's. */
  static List<MemberDescription> membersOf(
      Set<TopicPartition> endpointPartitions, Collection<MemberDescription> members) {
    List<MemberDescription> of = new ArrayList<>();
    for (MemberDescription member : members) {
      Set<TopicPartition> assigned = member.assignment().topicPartitions();
      if (member.groupInstanceId().isPresent()
          && !assigned.isEmpty()
          && endpointPartitions.containsAll(assigned)) {
        of.add(member);
      }
    }
    return of;
  }
}
