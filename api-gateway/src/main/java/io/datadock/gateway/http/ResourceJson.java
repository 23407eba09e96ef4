package io.datadock.gateway.http;

import io.datadock.gateway.apply.DocumentResult;
import io.datadock.schemas.resource.ResourceState;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/** How resources and results look in API responses. */
public final class ResourceJson {

  private ResourceJson() {}

  /** A listing row. */
  public static JsonObject summary(ResourceState s) {
    return new JsonObject()
        .put("name", s.getName())
        .put("version", s.getManifestVersion())
        .put("type", s.getKind())
        .put("tenant", s.getTenant())
        .put("workspace", s.getWorkspace())
        .put("status", s.getStatus())
        .put("runtime", s.getRuntime())
        .put("owner", s.getOwner())
        .put("resourceVersion", String.valueOf(s.getResourceVersion()))
        .put("createdAt", Instant.ofEpochMilli(s.getCreatedAt()).toString())
        .put("updatedAt", Instant.ofEpochMilli(s.getUpdatedAt()).toString());
  }

  /** The whole resource: header, redacted spec, status and details. */
  public static JsonObject full(ResourceState s) {
    return summary(s)
        .put("layer", s.getLayer())
        .put("generation", s.getGeneration())
        .put("spec", new JsonObject(s.getSpec()))
        .put("details", s.getDetails() == null ? new JsonObject() : new JsonObject(s.getDetails()));
  }

  /** The whole resource with its secret values in place of {@code ***}. */
  public static JsonObject unsanitized(ResourceState s, Map<String, String> fields) {
    JsonObject json = full(s);
    JsonObject spec = json.getJsonObject("spec");
    for (String section : new String[] {"data", "files"}) {
      JsonObject values = spec.getJsonObject(section);
      if (values != null) {
        values.fieldNames().forEach(k -> values.put(k, fields.get(k)));
      }
    }
    return json;
  }

  public static JsonObject result(DocumentResult r) {
    JsonObject json =
        new JsonObject()
            .put("name", r.name())
            .put("version", r.version())
            .put("type", r.type().wireName())
            .put("tenant", r.tenant());
    if (r.workspace() != null) {
      json.put("workspace", r.workspace());
    }
    if (r.failed()) {
      return json.put("error", ErrorResponder.body(r.error()).getJsonObject("error"));
    }
    if (r.message() != null) {
      json.put("message", r.message());
    }
    return json.put("outcome", r.outcome())
        .put("status", r.status())
        .put(
            "resourceVersion",
            r.resourceVersion() == null ? null : String.valueOf(r.resourceVersion()));
  }
}
