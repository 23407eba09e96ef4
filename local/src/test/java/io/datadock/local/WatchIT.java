package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The watch stream: Server-Sent Events of resource changes, resumable, tenant-scoped. */
class WatchIT extends PlatformIT {

  /** One parsed SSE event. */
  record Event(String id, String type, JsonObject data) {}

  /** Reads an SSE stream in the background into events. */
  static final class EventStream implements AutoCloseable {
    final List<Event> events = new ArrayList<>();
    final CompletableFuture<HttpResponse<Stream<String>>> response;

    EventStream(String query, String lastEventId) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(api.uri("/api/v1/watch" + query))
              .header("Authorization", "Bearer " + RunningPlatform.ADMIN_TOKEN);
      if (lastEventId != null) {
        request.header("Last-Event-ID", lastEventId);
      }
      response =
          HttpClient.newHttpClient()
              .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
      response.thenAccept(
          r -> {
            String id = null;
            String type = null;
            try {
              for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.startsWith("id: ")) {
                  id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                  type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                  synchronized (events) {
                    events.add(new Event(id, type, new JsonObject(line.substring(6))));
                  }
                  id = null;
                  type = null;
                }
              }
            } catch (RuntimeException closed) {
              // the test closed the stream
            }
          });
    }

    List<Event> of(String name) {
      synchronized (events) {
        return events.stream().filter(e -> e.data().getString("name", "").equals(name)).toList();
      }
    }

    @Override
    public void close() {
      response.thenAccept(r -> r.body().close());
    }
  }

  @Test
  void changesStreamAsEventsWithoutSecretValues() {
    try (EventStream watch = new EventStream("?type=secret", null)) {
      api.applyYaml(SecretApiIT.secret("watched", "w4tch-s3cret"), "");
      api.applyYaml(SecretApiIT.secret("watched", "w4tch-s3cret-2"), "");
      api.delete("/api/v1/resources/secret/watched");

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(watch.of("watched"))
                      .extracting(Event::type)
                      .containsExactly("added", "modified", "deleted"));
      assertThat(watch.of("watched").get(0).data().getJsonObject("spec").encode())
          .contains("\"password\":\"***\"")
          .doesNotContain("w4tch-s3cret");
    }
  }

  @Test
  void aReconnectingClientGetsWhatItMissedFromItsLastEventId() {
    String last;
    try (EventStream first = new EventStream("?type=secret", null)) {
      api.applyYaml(SecretApiIT.secret("resume-a", "x"), "");
      await().atMost(Duration.ofSeconds(10)).until(() -> !first.of("resume-a").isEmpty());
      last = first.of("resume-a").get(0).id();
    }
    api.applyYaml(SecretApiIT.secret("resume-b", "y"), "");
    try (EventStream resumed = new EventStream("?type=secret", last)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !resumed.of("resume-b").isEmpty());
      assertThat(resumed.of("resume-a")).as("already seen before the reconnect").isEmpty();
      assertThat(resumed.of("resume-b").get(0).type()).isEqualTo("added");
    }
  }

  @Test
  void aPositionNoLongerRetainedResetsToASnapshot() {
    api.applyYaml(SecretApiIT.secret("snap-a", "x"), "");
    try (EventStream stream = new EventStream("?type=secret", "999999999")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                synchronized (stream.events) {
                  assertThat(stream.events).extracting(Event::type).contains("reset");
                }
                assertThat(stream.of("snap-a")).isNotEmpty();
              });
    }
  }

  @Test
  void anotherTenantsStreamIsNotFound() {
    Api.Response response = api.get("/api/v1/watch?tenant=nosuchtenant");
    assertThat(response.status()).isEqualTo(404);
    assertThat(new JsonObject(response.body()).getJsonObject("error").getString("message"))
        .isEqualTo("tenant 'nosuchtenant' not found");
  }
}
