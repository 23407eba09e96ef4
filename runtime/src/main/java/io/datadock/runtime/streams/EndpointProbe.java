package io.datadock.runtime.streams;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Whether a peer instance's endpoint (its {@code application.server}) has a process listening. Only
 * a refused connection says no: the host answered that nothing listens on that port, which is what
 * a killed process leaves. A timeout, an unreachable host or a slow answer says nothing (a paused
 * process, a partition, a loaded machine), and the group's session decides as before.
 */
public final class EndpointProbe {

  /** What one connection attempt showed. */
  public enum Answer {
    /** Something accepted the connection. */
    LISTENING,
    /** The host refused it: no process listens there. */
    REFUSED,
    /** No answer in time, or any other failure: nothing can be concluded. */
    UNKNOWN
  }

  private final Duration timeout;

  public EndpointProbe(Duration timeout) {
    this.timeout = timeout;
  }

  public Answer probe(HostInfo endpoint) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
      return Answer.LISTENING;
    } catch (ConnectException e) {
      return refused(e) ? Answer.REFUSED : Answer.UNKNOWN;
    } catch (IOException | IllegalArgumentException e) {
      return Answer.UNKNOWN;
    }
  }

  private static boolean refused(ConnectException e) {
    // the JDK raises ConnectException for a timed-out connect at the OS level too
    return e.getMessage() != null && e.getMessage().contains("refused");
  }
}
