package io.datadock.connectors.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.egress.EgressDeniedException;
import io.datadock.connectors.egress.EgressGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK's own HTTP client asks the egress gate for every host: with AWS's default endpoint and a
 * resolver that answers a metadata address, the call fails with the policy's message and nothing is
 * connected (the resolver is a stub: no name is looked up, no packet leaves).
 */
class S3ClientsTest {

  @Test
  void theSdksHttpClientResolvesThroughTheEgressGate() throws Exception {
    List<String> asked = new ArrayList<>();
    EgressGate gate = TestEgress.answeringMetadataAddress(asked);
    S3Location aws = S3Location.of(new SourceConnection("s3", Map.of("bucket", "raw-events")));

    Throwable failure;
    try (S3Client s3 =
        S3Clients.client(aws, new S3Clients.Keys("id", "secret"), gate, Duration.ofSeconds(2))) {
      failure = catchThrowable(() -> s3.headBucket(b -> b.bucket("raw-events")));
    }

    assertThat(asked).containsExactly("raw-events.s3.us-east-1.amazonaws.com");
    assertThat(aws.host()).isEqualTo("raw-events.s3.us-east-1.amazonaws.com");
    assertThat(EgressDeniedException.messageIn(failure))
        .get()
        .asString()
        .startsWith("egress denied");
  }

  @Test
  void aDepotEndpointIsUsedPathStyleAndAwssDefaultIsRegional() {
    S3Location custom =
        S3Location.of(
            new SourceConnection(
                "s3",
                Map.of(
                    "bucket", "b", "endpoint", "http://127.0.0.1:9000", "relativePath", "/a/b")));
    S3Location aws =
        S3Location.of(new SourceConnection("s3", Map.of("bucket", "b", "region", "eu-west-1")));

    assertThat(custom.custom()).isTrue();
    assertThat(custom.port()).isEqualTo(9000);
    assertThat(custom.prefix()).isEqualTo("a/b/");
    assertThat(aws.custom()).isFalse();
    assertThat(aws.host()).isEqualTo("b.s3.eu-west-1.amazonaws.com");
    assertThat(aws.port()).isEqualTo(443);
  }

  @Test
  void anEndpointWithAUserOrAPathIsRefusedWithoutQuotingIt() {
    for (String endpoint :
        List.of("http://user:pw@127.0.0.1:9000", "http://127.0.0.1:9000/x", "ftp://127.0.0.1")) {
      Throwable refused =
          catchThrowable(
              () ->
                  S3Location.of(
                      new SourceConnection("s3", Map.of("bucket", "b", "endpoint", endpoint))));
      assertThat(refused).hasMessageStartingWith("endpoint must").hasMessageNotContaining("pw");
    }
  }
}
