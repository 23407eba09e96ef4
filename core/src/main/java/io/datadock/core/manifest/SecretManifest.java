package io.datadock.core.manifest;

import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import java.util.List;
import java.util.SortedMap;

/**
 * A validated secret manifest of any shape (v2alpha secret, v1 instance secret, v1 workspace
 * secret), normalized. Holds plaintext values: lives only inside the gateway until sealed. Its
 * toString names keys, never values.
 */
public record SecretManifest(
    String name,
    String manifestVersion,
    ResourceKind kind,
    String secretType,
    String tenant,
    String workspace,
    String owner,
    String layer,
    String description,
    List<String> tags,
    String acl,
    SortedMap<String, String> data,
    SortedMap<String, byte[]> files,
    Long resourceVersion) {

  public ResourceKey key() {
    return new ResourceKey(tenant, kind, workspace, name);
  }

  @Override
  public String toString() {
    return "SecretManifest[key="
        + key()
        + ", version="
        + manifestVersion
        + ", type="
        + secretType
        + ", dataKeys="
        + data.keySet()
        + ", fileKeys="
        + files.keySet()
        + "]";
  }
}
