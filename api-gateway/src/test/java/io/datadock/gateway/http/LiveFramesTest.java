package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.gateway.watch.WatchHub;
import io.datadock.schemas.resource.ResourceState;
import org.junit.jupiter.api.Test;

class LiveFramesTest {

  private final LiveFrames frames = new LiveFrames();

  @Test
  void aChangeIsRenderedOnceForEveryWatcher() {
    WatchHub.Event change = new WatchHub.Event(7, "added", state("orders"));

    String first = frames.of(change);

    assertThat(frames.of(change)).isSameAs(first);
    assertThat(first)
        .startsWith("id: 7\nevent: added\ndata: {")
        .contains("\"name\":\"orders\"")
        .endsWith("}\n\n");
  }

  @Test
  void eachChangeHasItsOwnFrameAlsoWhenAnOlderOneSharedItsSlot() {
    WatchHub.Event older = new WatchHub.Event(3, "added", state("older"));
    WatchHub.Event newer = new WatchHub.Event(3 + 256, "modified", state("newer"));

    String olderFrame = frames.of(older);
    String newerFrame = frames.of(newer);

    assertThat(newerFrame).startsWith("id: 259\nevent: modified\n").contains("\"newer\"");
    assertThat(frames.of(older)).isEqualTo(olderFrame).isNotEqualTo(newerFrame);
  }

  private static ResourceState state(String name) {
    return ResourceState.newBuilder()
        .setResourceKey("default/depot/" + name)
        .setKind("depot")
        .setName(name)
        .setManifestVersion("v2alpha")
        .setTenant("default")
        .setOwner("alice")
        .setStatus("active")
        .setResourceVersion(1)
        .setGeneration(1)
        .setCreatedAt(0)
        .setUpdatedAt(0)
        .setSpec("{\"path\":\"/data\"}")
        .build();
  }
}
