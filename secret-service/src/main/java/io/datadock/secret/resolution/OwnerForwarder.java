package io.datadock.secret.resolution;

import io.datadock.core.resolution.ResolutionWire;
import io.datadock.secret.internal.InternalReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Passes a resolution on, once, to the instance owning the secret's partition, and its answer back
 * as it came. The forwarded request carries the caller's token and {@link
 * ResolutionWire#FORWARDED_HEADER}, so the owner audits the caller and never forwards it again.
 */
public final class OwnerForwarder {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HostInfo self;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  /**
   * @param self this instance, named in the forwarded header
   */
  public OwnerForwarder(HostInfo self) {
    this.self = self;
  }

  public InternalReply forward(HostInfo owner, byte[] body, String authorization) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://" + owner.host() + ":" + owner.port() + ResolutionWire.PATH))
            .timeout(TIMEOUT)
            .header("Authorization", authorization)
            .header(ResolutionWire.FORWARDED_HEADER, self.host() + ":" + self.port())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new InternalReply(response.statusCode(), response.body());
    } catch (IOException e) {
      // The owner is down (killed, not yet timed out of the group): the caller retries, and
      // meets the new owner once the group has moved the partition.
      return InternalReply.unavailable(
          "the instance owning the secret's partition does not answer; retry");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return InternalReply.unavailable("forwarding to the owner was interrupted");
    }
  }
}
