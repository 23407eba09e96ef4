package io.datadock.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchedResourcesTest {

  private final WatchedResources watched =
      new WatchedResources(r -> r.path("owner").asText().equals("admin"));

  static JsonNode secret(String name, long version) {
    return secret(name, version, "admin");
  }

  static JsonNode secret(String name, long version, String owner) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("name", name)
        .put("type", "secret")
        .put("workspace", "public")
        .put("owner", owner)
        .put("resourceVersion", String.valueOf(version));
  }

  private static List<String> shown(List<WatchedResources.Change> changes) {
    return changes.stream().map(c -> c.kind() + " " + c.resource().path("name").asText()).toList();
  }

  @Test
  void theFirstSnapshotIsAllAddedAndFiltered() {
    assertThat(shown(watched.snapshot(List.of(secret("a", 1), secret("b", 2, "ana")))))
        .containsExactly("ADDED a");
  }

  @Test
  void eventsAfterTheSnapshotAreShownWithTheirKind() {
    watched.snapshot(List.of(secret("a", 1)));

    assertThat(watched.event("added", secret("b", 1))).map(c -> c.kind()).contains("ADDED");
    assertThat(watched.event("modified", secret("a", 2))).map(c -> c.kind()).contains("MODIFIED");
    assertThat(watched.event("deleted", secret("a", 2))).map(c -> c.kind()).contains("DELETED");
  }

  @Test
  void aChangeTheSnapshotAlreadyReflectsIsNotShownAgain() {
    watched.snapshot(List.of(secret("a", 5)));

    assertThat(watched.event("modified", secret("a", 4))).isEmpty();
    assertThat(watched.event("modified", secret("a", 5))).isEmpty();
    assertThat(watched.event("modified", secret("a", 6))).isPresent();
  }

  @Test
  void aDeletionOfSomethingNeverShownIsNotShown() {
    watched.snapshot(List.of());

    assertThat(watched.event("deleted", secret("gone", 3))).isEmpty();
  }

  @Test
  void aRepeatedAddAfterADeleteDoesNotBringTheResourceBack() {
    watched.snapshot(List.of());
    watched.event("added", secret("a", 1));
    watched.event("deleted", secret("a", 1));

    assertThat(watched.event("added", secret("a", 1))).isEmpty();
    assertThat(watched.event("deleted", secret("a", 1))).isEmpty();
    assertThat(watched.event("added", secret("a", 3))).map(c -> c.kind()).contains("ADDED");
  }

  @Test
  void aDeleteOfAnOlderVersionThanShownIsARepeat() {
    watched.snapshot(List.of(secret("a", 5)));

    assertThat(watched.event("deleted", secret("a", 3))).isEmpty();
  }

  @Test
  void aLaterSnapshotShowsOnlyWhatChangedSinceAndWhatIsGone() {
    watched.snapshot(List.of(secret("a", 1), secret("b", 1), secret("c", 1)));

    List<WatchedResources.Change> changes =
        watched.snapshot(List.of(secret("a", 1), secret("c", 2), secret("d", 1)));

    assertThat(shown(changes)).containsExactly("DELETED b", "MODIFIED c", "ADDED d");
    assertThat(changes.get(0).resource().path("resourceVersion").asText())
        .as("a deleted resource is shown as last seen")
        .isEqualTo("1");
  }

  @Test
  void otherOwnersEventsAreNotShown() {
    watched.snapshot(List.of());

    assertThat(watched.event("added", secret("x", 1, "ana"))).isEmpty();
  }
}
