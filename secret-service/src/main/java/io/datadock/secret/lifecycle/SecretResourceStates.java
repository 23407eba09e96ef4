package io.datadock.secret.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.core.resource.ResourceStatus;
import io.datadock.schemas.resource.ResourceState;
import io.datadock.schemas.secret.SecretSpec;
import io.datadock.schemas.secret.SecretState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The readable, redacted view of a secret: key names listed, every value shown as {@code ***}. */
public final class SecretResourceStates {

  public static final String REDACTED = "***";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretResourceStates() {}

  public static ResourceState of(String resourceKey, SecretState state) {
    SecretSpec spec = state.getSpec();
    return ResourceState.newBuilder()
        .setResourceKey(resourceKey)
        .setKind(spec.getKind())
        .setName(spec.getName())
        .setManifestVersion(spec.getManifestVersion())
        .setTenant(spec.getTenant())
        .setWorkspace(spec.getWorkspace())
        .setOwner(spec.getOwner())
        .setLayer(spec.getLayer())
        .setStatus(ResourceStatus.ACTIVE.wireName())
        .setResourceVersion(state.getResourceVersion())
        .setGeneration(state.getGeneration())
        .setCreatedAt(state.getCreatedAt())
        .setUpdatedAt(state.getUpdatedAt())
        .setSpec(redactedSpecJson(spec))
        .build();
  }

  static String redactedSpecJson(SecretSpec spec) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", spec.getSecretType());
    if (spec.getAcl() != null) {
      json.put("acl", spec.getAcl());
    }
    if (spec.getDescription() != null) {
      json.put("description", spec.getDescription());
    }
    if (!spec.getTags().isEmpty()) {
      json.put("tags", spec.getTags());
    }
    json.put("data", redacted(spec.getDataKeys()));
    if (!spec.getFileKeys().isEmpty()) {
      json.put("files", redacted(spec.getFileKeys()));
    }
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the redacted spec", e);
    }
  }

  private static Map<String, String> redacted(List<String> keys) {
    Map<String, String> out = new LinkedHashMap<>();
    keys.forEach(k -> out.put(k, REDACTED));
    return out;
  }
}
