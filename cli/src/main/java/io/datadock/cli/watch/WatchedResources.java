package io.datadock.cli.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The resources a watch has shown, by key and resourceVersion, deciding which events are changes to
 * show. A watch stream can repeat a change it already reflected (a snapshot taken while that change
 * was being published, or a resume from a snapshot's position): an event whose resourceVersion is
 * not newer than the one shown is left out, so nothing is shown twice. Deleted resources are
 * remembered with their last version, so a late repeat cannot bring them back. Resources are keyed
 * by type, workspace and name (a watch is of one tenant).
 */
public final class WatchedResources {

  /** A change to show: {@code ADDED}, {@code MODIFIED} or {@code DELETED}, and the resource. */
  public record Change(String kind, JsonNode resource) {}

  private record Seen(long version, boolean deleted, JsonNode resource) {}

  private final Predicate<JsonNode> filter;
  private final Map<String, Seen> seen = new HashMap<>();

  /**
   * @param filter which resources to show (the stream may carry more)
   */
  public WatchedResources(Predicate<JsonNode> filter) {
    this.filter = filter;
  }

  /**
   * Takes a complete snapshot: the changes from what was shown (the first time, every resource is
   * {@code ADDED}); resources shown before and absent now are {@code DELETED}.
   */
  public List<Change> snapshot(List<JsonNode> resources) {
    List<Change> changes = new ArrayList<>();
    Map<String, JsonNode> current = new LinkedHashMap<>();
    for (JsonNode resource : resources) {
      if (filter.test(resource)) {
        current.put(key(resource), resource);
      }
    }
    for (Map.Entry<String, Seen> entry : List.copyOf(seen.entrySet())) {
      Seen was = entry.getValue();
      if (!was.deleted() && !current.containsKey(entry.getKey())) {
        seen.put(entry.getKey(), new Seen(was.version(), true, was.resource()));
        changes.add(new Change("DELETED", was.resource()));
      }
    }
    for (JsonNode resource : current.values()) {
      upsert(resource).ifPresent(changes::add);
    }
    return changes;
  }

  /** One event of the stream ({@code added}, {@code modified} or {@code deleted}). */
  public Optional<Change> event(String type, JsonNode resource) {
    if (!filter.test(resource)) {
      return Optional.empty();
    }
    if (!"deleted".equals(type)) {
      return upsert(resource);
    }
    String key = key(resource);
    Seen was = seen.get(key);
    long version = version(resource);
    if (was == null || was.deleted() || version < was.version()) {
      return Optional.empty();
    }
    seen.put(key, new Seen(version, true, resource));
    return Optional.of(new Change("DELETED", resource));
  }

  private Optional<Change> upsert(JsonNode resource) {
    String key = key(resource);
    Seen was = seen.get(key);
    long version = version(resource);
    if (was != null && version <= was.version()) {
      return Optional.empty();
    }
    seen.put(key, new Seen(version, false, resource));
    return Optional.of(new Change(was == null || was.deleted() ? "ADDED" : "MODIFIED", resource));
  }

  private static String key(JsonNode resource) {
    return String.join(
        "/",
        resource.path("type").asText(),
        resource.path("workspace").asText(),
        resource.path("name").asText());
  }

  private static long version(JsonNode resource) {
    return resource.path("resourceVersion").asLong(-1);
  }
}
