package io.datadock.connectors;

import io.datadock.connectors.egress.EgressGate;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The {@link CheckSteps#REACH} probe: the host's addresses decided by the egress gate (one denied
 * address denies the host), then a plain TCP connect to the checked addresses (not to the name
 * again), nothing sent.
 */
public final class TcpReach {

  private TcpReach() {}

  /**
   * The {@link CheckSteps#REACH} step of {@code run}: passed ("reached host:port"), or failed with
   * the report to return.
   */
  public static Optional<CheckReport> step(
      CheckRun run, String host, int port, EgressGate gate, Deadline deadline) {
    Optional<String> unreachable = problem(host, port, gate, deadline);
    if (unreachable.isPresent()) {
      return Optional.of(run.fail(CheckSteps.REACH, unreachable.get()));
    }
    run.pass(CheckSteps.REACH, "reached " + host + ":" + port);
    return Optional.empty();
  }

  /** Empty when a TCP connection to host:port opened in time, otherwise why not. */
  public static Optional<String> problem(
      String host, int port, EgressGate gate, Deadline deadline) {
    String target = host + ":" + port;
    try {
      return deadline.call(() -> connect(gate.check(host, port), deadline), ignored -> {});
    } catch (TimeoutException | SocketTimeoutException e) {
      return Optional.of("cannot reach " + target + ": no answer within " + deadline.describe());
    } catch (NoRouteToHostException e) {
      return Optional.of("cannot reach " + target + ": no route to host");
    } catch (ConnectException e) {
      String reason = e.getMessage() == null ? "connection refused" : e.getMessage();
      return Optional.of("cannot reach " + target + ": " + reason.toLowerCase(Locale.ROOT));
    } catch (Exception e) {
      return Optional.of("cannot reach " + target + ": " + e.getClass().getSimpleName());
    }
  }

  /** Connects to each checked address in turn; throws the last failure when none answers. */
  private static Optional<String> connect(EgressGate.Checked checked, Deadline deadline)
      throws IOException {
    if (checked.denied() != null) {
      return Optional.of(checked.denied());
    }
    if (checked.unknownHost()) {
      return Optional.of(
          "cannot reach " + checked.host() + ":" + checked.port() + ": unknown host");
    }
    IOException last = null;
    for (InetAddress address : checked.addresses()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, checked.port()), deadline.remainingMillis());
        return Optional.empty();
      } catch (IOException e) {
        last = e;
        if (deadline.expired()) {
          break;
        }
      }
    }
    throw last;
  }
}
