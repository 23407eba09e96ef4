package io.datadock.gateway.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datadock.core.manifest.depot.DepotManifest;
import io.datadock.core.manifest.depot.SecretReference;
import io.datadock.schemas.depot.DepotSecretRef;
import io.datadock.schemas.depot.DepotSpec;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A validated depot manifest as the command carries it. */
final class DepotSpecs {

  /** Sorted keys at every level: the same connection always encodes to the same JSON. */
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private DepotSpecs() {}

  static DepotSpec of(DepotManifest m) {
    List<DepotSecretRef> secrets = new ArrayList<>();
    for (SecretReference ref : m.secrets()) {
      secrets.add(
          DepotSecretRef.newBuilder()
              .setSecretKey(ref.secret().toString())
              .setPurposes(new ArrayList<>(ref.purposes()))
              .setKeys(ref.keys())
              .build());
    }
    return DepotSpec.newBuilder()
        .setTenant(m.tenant())
        .setName(m.name())
        .setManifestVersion(m.manifestVersion())
        .setOwner(m.owner())
        .setLayer(m.layer())
        .setDescription(m.description())
        .setTags(m.tags())
        .setShape(m.shape().wireName())
        .setSourceType(m.sourceType().canonical())
        .setDeclaredType(m.declaredType())
        .setConnection(json(m))
        .setSecrets(secrets)
        .setExternal(m.external())
        .setSource(m.source())
        .setScan(m.scan() == null ? null : json(m.scan()))
        .build();
  }

  private static String json(DepotManifest m) {
    return json(m.connection());
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
