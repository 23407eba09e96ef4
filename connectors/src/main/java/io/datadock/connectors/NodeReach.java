package io.datadock.connectors;

import io.datadock.connectors.egress.Destination.Endpoint;
import io.datadock.connectors.egress.EgressGate;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CheckSteps#REACH} probe of a source with several nodes (Kafka brokers, search nodes,
 * MongoDB hosts): every node decided by the egress gate first (a client may go to any of them, so
 * one denied node denies the source), then a TCP connect to each in turn until one accepts.
 */
public final class NodeReach {

  /**
   * The first node that accepted a TCP connection, or why none did.
   *
   * @param reached index into the nodes, -1 when none was reached
   */
  public record Result(int reached, String problem) {
    public boolean ok() {
      return reached >= 0;
    }
  }

  private NodeReach() {}

  /**
   * @param noun the nodes' name in messages, plural ("brokers", "nodes")
   */
  public static Result first(
      List<Endpoint> nodes, String noun, EgressGate gate, Deadline deadline) {
    if (nodes.isEmpty()) {
      return new Result(-1, "the connection names no " + noun);
    }
    Optional<String> denied = denied(nodes, noun, gate, deadline);
    if (denied.isPresent()) {
      return new Result(-1, denied.get());
    }
    Optional<String> firstProblem = Optional.empty();
    for (int i = 0; i < nodes.size(); i++) {
      Endpoint node = nodes.get(i);
      Optional<String> problem = TcpReach.problem(node.host(), node.port(), gate, deadline);
      if (problem.isEmpty()) {
        return new Result(i, null);
      }
      firstProblem = firstProblem.or(() -> problem);
      if (deadline.expired()) {
        break;
      }
    }
    return new Result(
        -1,
        nodes.size() == 1
            ? firstProblem.orElseThrow()
            : "cannot reach any of "
                + nodes.size()
                + " "
                + noun
                + "; "
                + firstProblem.orElseThrow());
  }

  /** The egress denial of any of {@code nodes}, deciding their names within the deadline. */
  public static Optional<String> denied(
      List<Endpoint> nodes, String noun, EgressGate gate, Deadline deadline) {
    try {
      return deadline.call(
          () -> {
            for (Endpoint node : nodes) {
              EgressGate.Checked checked = gate.check(node.host(), node.port());
              if (checked.denied() != null) {
                return Optional.of(checked.denied());
              }
            }
            return Optional.<String>empty();
          },
          late -> {});
    } catch (Exception e) {
      return Optional.of(
          "cannot reach "
              + (nodes.size() == 1 ? nodes.get(0) : nodes.size() + " " + noun)
              + ": no address within "
              + deadline.describe());
    }
  }
}
