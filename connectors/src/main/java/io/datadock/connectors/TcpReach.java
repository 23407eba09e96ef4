package io.datadock.connectors;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** The {@link CheckSteps#REACH} probe: a plain TCP connect, nothing sent. */
public final class TcpReach {

  private TcpReach() {}

  /** Empty when a TCP connection to host:port opened in time, otherwise why not. */
  public static Optional<String> problem(String host, int port, Deadline deadline) {
    String target = host + ":" + port;
    try {
      deadline.call(
          () -> {
            try (Socket socket = new Socket()) {
              socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis());
            }
            return null;
          },
          ignored -> {});
      return Optional.empty();
    } catch (TimeoutException | SocketTimeoutException e) {
      return Optional.of("cannot reach " + target + ": no answer within " + deadline.describe());
    } catch (UnknownHostException e) {
      return Optional.of("cannot reach " + target + ": unknown host");
    } catch (NoRouteToHostException e) {
      return Optional.of("cannot reach " + target + ": no route to host");
    } catch (ConnectException e) {
      String reason = e.getMessage() == null ? "connection refused" : e.getMessage();
      return Optional.of("cannot reach " + target + ": " + reason.toLowerCase(Locale.ROOT));
    } catch (Exception e) {
      return Optional.of("cannot reach " + target + ": " + e.getClass().getSimpleName());
    }
  }
}
