package io.datadock.connectors.egress;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.family.SourceFamilies;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Where the checks and scans of one service may go: the network {@link EgressPolicy} and the {@link
 * FileRoots}. Passed to every check and scan, which decide again at connect time; {@link #problem}
 * is the decision made before anything else (before any credential is resolved).
 */
public final class Egress {

  private final EgressGate gate;
  private final FileRoots files;

  public Egress(EgressPolicy policy, FileRoots files) {
    this(new EgressGate(policy), files);
  }

  public Egress(EgressGate gate, FileRoots files) {
    this.gate = gate;
    this.files = files;
  }

  public EgressGate gate() {
    return gate;
  }

  public EgressPolicy policy() {
    return gate.policy();
  }

  public FileRoots files() {
    return files;
  }

  /**
   * Why a connection may not be used at all: an endpoint with a denied address ({@code egress
   * denied: ...}), a {@code file} path outside the roots; empty otherwise (also for a name that
   * does not resolve: the check reports that). Resolves names within the deadline.
   */
  public Optional<String> problem(SourceConnection connection, Deadline deadline) {
    for (Destination destination : SourceFamilies.destinations(connection)) {
      Optional<String> problem =
          destination instanceof Destination.LocalPath local
              ? files.problem(local.path())
              : problem((Destination.Endpoint) destination, deadline);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private Optional<String> problem(Destination.Endpoint endpoint, Deadline deadline) {
    EgressGate.Checked checked;
    try {
      checked = deadline.call(() -> gate.check(endpoint.host(), endpoint.port()), late -> {});
    } catch (TimeoutException e) {
      return Optional.of("cannot reach " + endpoint + ": no address within " + deadline.describe());
    } catch (Exception e) {
      return Optional.of("cannot reach " + endpoint + ": " + e.getClass().getSimpleName());
    }
    return Optional.ofNullable(checked.denied());
  }

  @Override
  public String toString() {
    return "Egress[" + gate.policy() + ", " + files + "]";
  }
}
