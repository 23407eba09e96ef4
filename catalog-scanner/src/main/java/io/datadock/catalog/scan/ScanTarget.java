package io.datadock.catalog.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotSecretRef;
import io.datadock.schemas.resource.ResourceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a scan of one depot needs, none of it secret: where the source is, which secret serves
 * {@code scan}, and the depot's filters.
 *
 * @param credentialSecret the resource key of the secret to resolve with purpose {@code scan}, or
 *     null when the source needs none
 * @param scan the depot's {@code scan:} block as JSON, or null
 */
public record ScanTarget(
    String depotKey,
    String tenant,
    String depot,
    String sourceType,
    String connection,
    String credentialSecret,
    String scan) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PREFERENCE = List.of("scan", "query", "rw");

  public static ScanTarget of(DepotEvent event) {
    return new ScanTarget(
        event.getResourceKey(),
        event.getTenant(),
        event.getName(),
        event.getSourceType(),
        event.getConnection(),
        scanSecret(event.getSecrets()),
        event.getScan());
  }

  /** From the depot's readable state (for rescans, when no activation event is at hand). */
  public static ScanTarget of(ResourceState state) {
    JsonNode spec = read(state.getSpec());
    List<DepotSecretRef> refs = new ArrayList<>();
    for (JsonNode ref : spec.path("secrets")) {
      List<String> purposes = new ArrayList<>();
      ref.path("purposes").forEach(p -> purposes.add(p.asText()));
      refs.add(
          DepotSecretRef.newBuilder()
              .setSecretKey(ref.path("secret").asText())
              .setPurposes(purposes)
              .setKeys(List.of())
              .build());
    }
    JsonNode scan = spec.get("scan");
    return new ScanTarget(
        state.getResourceKey(),
        state.getTenant(),
        state.getName(),
        spec.path("sourceType").asText(),
        spec.path("connection").toString(),
        scanSecret(refs),
        scan == null || scan.isNull() ? null : scan.toString());
  }

  /**
   * The secret that serves {@code scan}: one declared for scan, else query, else rw; an
   * instance-secret depot declares no purposes (its acls decide, and both r and rw serve scan).
   */
  static String scanSecret(List<DepotSecretRef> refs) {
    return refs.stream()
        .min(Comparator.comparingInt(ScanTarget::rank))
        .map(DepotSecretRef::getSecretKey)
        .orElse(null);
  }

  private static int rank(DepotSecretRef ref) {
    for (int i = 0; i < PREFERENCE.size(); i++) {
      if (ref.getPurposes().contains(PREFERENCE.get(i))) {
        return i;
      }
    }
    return PREFERENCE.size();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
