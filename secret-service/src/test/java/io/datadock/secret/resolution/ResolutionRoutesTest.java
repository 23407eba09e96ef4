package io.datadock.secret.resolution;

import static io.datadock.secret.resolution.TestSecrets.PLAIN;
import static io.datadock.secret.resolution.TestSecrets.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveError;
import io.datadock.core.resolution.ResolveRequest;
import io.datadock.runtime.http.OperationsRoutes;
import io.datadock.runtime.http.ServiceHttpServer;
import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.metrics.ServiceMetrics;
import io.datadock.secret.internal.Callers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances' internal listeners on loopback, each with its own partitions and audit. */
class ResolutionRoutesTest {

  private static final String TOKEN = "service-token";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> started = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : started) {
      c.close();
    }
  }

  @Test
  void aRequestReachingAnotherInstanceIsForwardedOnceAndAnsweredAndAuditedByTheOwner()
      throws Exception {
    HostInfo a = new HostInfo("127.0.0.1", FreePorts.pick());
    HostInfo b = new HostInfo("127.0.0.1", FreePorts.pick());
    MemoryPartitions ownedByB = new MemoryPartitions(b);
    ownedByB.store.put("t/secret/x", state("secret", "key-value", null));
    List<String> auditA = new ArrayList<>();
    List<String> auditB = new ArrayList<>();
    start(a, ownedByB, auditA);
    start(b, ownedByB, auditB);

    HttpResponse<String> response = post(a, ResolveRequest.of("t/secret/x", "rw"), TOKEN);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(ResolutionWire.readAnswer(bytes(response.body())).orElseThrow().fields())
        .containsEntry("password", "p w");
    assertThat(auditA).isEmpty();
    assertThat(auditB).containsExactly("service:x ALLOWED");
  }

  @Test
  void twoInstancesForwardingToEachOtherWithEveryWorkerBusyAllAnswer() throws Exception {
    HostInfo a = new HostInfo("127.0.0.1", FreePorts.pick());
    HostInfo b = new HostInfo("127.0.0.1", FreePorts.pick());
    MemoryPartitions crossed =
        new MemoryPartitions(null) {
          @Override
          public Optional<HostInfo> owner(String resourceKey) {
            return Optional.of(resourceKey.endsWith("/x") ? b : a);
          }
        };
    crossed.store.put("t/secret/x", state("secret", "key-value", null));
    crossed.store.put("t/secret/y", state("secret", "key-value", null));
    start(a, crossed, new ArrayList<>());
    start(b, crossed, new ArrayList<>());

    // more requests than each listener's 2 workers, each needing the other instance: on one pool
    // every worker waits on a peer whose workers wait back, until the forward times out (10 s)
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(postAsync(a, ResolveRequest.of("t/secret/x", "rw")));
      answers.add(postAsync(b, ResolveRequest.of("t/secret/y", "rw")));
    }

    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
  }

  @Test
  void anOwnerThatDoesNotAnswerIsUnavailable() throws Exception {
    HostInfo a = new HostInfo("127.0.0.1", FreePorts.pick());
    HostInfo gone = new HostInfo("127.0.0.1", FreePorts.pick());
    start(a, new MemoryPartitions(gone), new ArrayList<>());

    HttpResponse<String> response = post(a, ResolveRequest.of("t/secret/x", "rw"), TOKEN);

    assertThat(error(response, 503).message())
        .isEqualTo("the instance owning the secret's partition does not answer; retry");
  }

  @Test
  void otherMethodsAre405AndAnOversizeBodyIsMalformed() throws Exception {
    HostInfo a = new HostInfo("127.0.0.1", FreePorts.pick());
    start(a, new MemoryPartitions(a), new ArrayList<>());

    HttpResponse<String> get =
        http.send(HttpRequest.newBuilder(uri(a)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(error(get, 405)).isEqualTo(new ResolveError("method_not_allowed", "use POST"));

    String huge =
        "{\"secret\":\"t/secret/x\",\"purpose\":\"rw\",\"pad\":\""
            + "x".repeat(ResolutionRoutes.MAX_BODY_BYTES)
            + "\"}";
    HttpResponse<String> oversize = send(a, huge, TOKEN);
    assertThat(error(oversize, 400).message()).isEqualTo(CredentialResolution.MALFORMED);
  }

  @Test
  void aPartitionBetweenOwnersIs503RetryAndNotAnError() throws Exception {
    HostInfo a = new HostInfo("127.0.0.1", FreePorts.pick());
    HostInfo b = new HostInfo("127.0.0.1", FreePorts.pick());
    MemoryPartitions rebalancing =
        new MemoryPartitions(a) {
          @Override
          public Optional<HostInfo> owner(String resourceKey) {
            throw new PartitionMovingException("the stream thread is PARTITIONS_ASSIGNED");
          }
        };
    MemoryPartitions restoring =
        new MemoryPartitions(b) {
          @Override
          public io.datadock.schemas.secret.SecretState read(String resourceKey) {
            throw new PartitionMovingException("the stream thread is PARTITIONS_ASSIGNED");
          }
        };
    List<String> auditB = new ArrayList<>();
    start(a, rebalancing, new ArrayList<>());
    start(b, restoring, auditB);

    for (HostInfo instance : List.of(a, b)) {
      assertThat(error(post(instance, ResolveRequest.of("t/secret/x", "rw"), TOKEN), 503))
          .isEqualTo(new ResolveError("unavailable", CredentialResolution.MOVING));
    }
    assertThat(auditB).as("nothing was answered, so nothing handed out is recorded").isEmpty();
  }

  @Test
  void aMissingAuditIs503AndAnyOtherFailure500WithoutDetails() throws Exception {
    HostInfo a = new HostInfo("127.0.0.1", FreePorts.pick());
    HostInfo b = new HostInfo("127.0.0.1", FreePorts.pick());
    MemoryPartitions failing =
        new MemoryPartitions(b) {
          @Override
          public io.datadock.schemas.secret.SecretState read(String resourceKey) {
            throw new IllegalStateException("store migrated: t/secret/x");
          }
        };
    start(
        a,
        new MemoryPartitions(a),
        (key, caller, purpose, outcome, reason, fields) -> {
          throw new AccessAuditor.AuditUnavailableException();
        });
    start(b, failing, new ArrayList<>());

    assertThat(error(post(a, ResolveRequest.of("t/secret/x", "rw"), TOKEN), 503))
        .isEqualTo(
            new ResolveError(
                "unavailable", "the access audit could not be written; refusing to answer"));
    assertThat(error(post(b, ResolveRequest.of("t/secret/x", "rw"), TOKEN), 500))
        .isEqualTo(new ResolveError("internal", "resolution failed; see the secret-service log"));
  }

  private void start(HostInfo self, SecretPartitions partitions, List<String> audit) {
    start(
        self,
        partitions,
        (key, caller, purpose, outcome, reason, fields) -> audit.add(caller + " " + outcome));
  }

  private void start(HostInfo self, SecretPartitions partitions, AccessRecorder recorder) {
    CredentialResolution resolution =
        new CredentialResolution(
            self,
            new Callers(Map.of(TOKEN, "service:x"), key -> Optional.empty()),
            recorder,
            partitions,
            new OwnerForwarder(self),
            (p, aad) -> PLAIN);
    started.add(
        ServiceHttpServer.start(
            "credential resolution",
            self.port(),
            2,
            new OperationsRoutes(ServiceMetrics.registry("secret-service"), () -> true),
            router -> new ResolutionRoutes(resolution).mount(router)));
  }

  private HttpResponse<String> post(HostInfo to, ResolveRequest request, String token)
      throws Exception {
    return send(to, new String(ResolutionWire.write(request), StandardCharsets.UTF_8), token);
  }

  /** Timed out well before a forward would be, so a stuck pair shows as a failure. */
  private CompletableFuture<HttpResponse<String>> postAsync(HostInfo to, ResolveRequest request) {
    return http.sendAsync(
        HttpRequest.newBuilder(uri(to))
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(ResolutionWire.write(request)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HostInfo to, String body, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(to))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(HostInfo to) {
    return URI.create("http://" + to.host() + ":" + to.port() + ResolutionWire.PATH);
  }

  private static ResolveError error(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return ResolutionWire.readError(bytes(response.body())).orElseThrow();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
