package io.datadock.depot.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datadock.core.resource.ResourceKind;
import io.datadock.schemas.depot.DepotCheckStep;
import io.datadock.schemas.depot.DepotReference;
import io.datadock.schemas.depot.DepotSecretRef;
import io.datadock.schemas.depot.DepotSpec;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.depot.ValidationResult;
import io.datadock.schemas.resource.ResourceState;
import java.io.UncheckedIOException;

/**
 * The readable state of a depot on {@code resource.state}: its spec as the API shows it, and the
 * details {@code get --details} prints (reference decisions, check steps). A depot holds no
 * credential, so nothing is redacted.
 */
public final class DepotViews {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DepotViews() {}

  public static ResourceState of(DepotState state) {
    DepotSpec spec = state.getSpec();
    return ResourceState.newBuilder()
        .setResourceKey(DepotKeys.of(spec))
        .setKind(ResourceKind.DEPOT.wireName())
        .setName(spec.getName())
        .setManifestVersion(spec.getManifestVersion())
        .setTenant(spec.getTenant())
        .setOwner(spec.getOwner())
        .setLayer(spec.getLayer())
        .setStatus(state.getStatus())
        .setResourceVersion(state.getResourceVersion())
        .setGeneration(state.getGeneration())
        .setCreatedAt(state.getCreatedAt())
        .setUpdatedAt(state.getUpdatedAt())
        .setSpec(write(spec(spec)))
        .setDetails(write(details(state)))
        .build();
  }

  static ObjectNode spec(DepotSpec spec) {
    ObjectNode out = JSON.createObjectNode();
    out.put("type", spec.getDeclaredType());
    out.put("sourceType", spec.getSourceType());
    out.put("shape", spec.getShape());
    if (spec.getDescription() != null) {
      out.put("description", spec.getDescription());
    }
    out.set("tags", JSON.valueToTree(spec.getTags()));
    out.set("connection", read(spec.getConnection()));
    ArrayNode secrets = out.putArray("secrets");
    for (DepotSecretRef ref : spec.getSecrets()) {
      ObjectNode node = secrets.addObject();
      node.put("secret", ref.getSecretKey());
      node.set("purposes", JSON.valueToTree(ref.getPurposes()));
      node.set("keys", JSON.valueToTree(ref.getKeys()));
    }
    out.put("external", spec.getExternal());
    if (spec.getSource() != null) {
      out.put("source", spec.getSource());
    }
    if (spec.getScan() != null) {
      out.set("scan", read(spec.getScan()));
    }
    return out;
  }

  static ObjectNode details(DepotState state) {
    ObjectNode out = JSON.createObjectNode();
    if (state.getMessage() != null) {
      out.put("message", state.getMessage());
    }
    if (state.getApplier() != null) {
      out.put("appliedBy", state.getApplier().getId());
    }
    ArrayNode references = out.putArray("references");
    for (DepotReference ref : state.getReferences()) {
      ObjectNode node = references.addObject();
      node.put("secret", ref.getSecretKey());
      node.set("purposes", JSON.valueToTree(ref.getPurposes()));
      node.put("state", ref.getState());
      if (ref.getReason() != null) {
        node.put("reason", ref.getReason());
      }
      if (ref.getAcl() != null) {
        node.put("acl", ref.getAcl());
      }
    }
    boolean checking =
        state.getCheckReason() != null
            && (state.getCheck() == null || state.getCheck().getCheckId() != state.getCheckId());
    out.put("checking", checking);
    if (checking) {
      out.put("checkingBecause", state.getCheckReason());
    }
    ValidationResult check = state.getCheck();
    if (check != null) {
      ObjectNode node = out.putObject("check");
      node.put("passed", check.getPassed());
      node.put("verified", check.getVerified());
      node.put("checkedAt", check.getCheckedAt());
      node.put("durationMs", check.getDurationMs());
      ArrayNode steps = node.putArray("steps");
      for (DepotCheckStep step : check.getSteps()) {
        steps
            .addObject()
            .put("name", step.getName())
            .put("status", step.getStatus())
            .put("message", step.getMessage());
      }
    }
    return out;
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
