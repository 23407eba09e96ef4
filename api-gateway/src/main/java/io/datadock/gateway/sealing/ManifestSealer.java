package io.datadock.gateway.sealing;

import io.datadock.core.crypto.RecipientKey;
import io.datadock.core.crypto.Sealer;
import io.datadock.core.crypto.SecretPayloads;
import io.datadock.core.manifest.SecretManifest;
import io.datadock.schemas.secret.SecretSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Turns a validated secret manifest into the sealed spec a command carries: key names in clear,
 * every value inside one HPKE payload sealed to secret-service, bound to the resource key.
 */
public final class ManifestSealer {

  private final Sealer sealer = new Sealer();

  public SecretSpec seal(SecretManifest manifest, RecipientKey recipient) {
    byte[] plaintext = SecretPayloads.encode(manifest.data(), manifest.files());
    byte[] aad = manifest.key().toString().getBytes(StandardCharsets.UTF_8);
    return SecretSpec.newBuilder()
        .setName(manifest.name())
        .setManifestVersion(manifest.manifestVersion())
        .setKind(manifest.kind().wireName())
        .setSecretType(manifest.secretType())
        .setTenant(manifest.tenant())
        .setWorkspace(manifest.workspace())
        .setOwner(manifest.owner())
        .setLayer(manifest.layer())
        .setDescription(manifest.description())
        .setTags(new ArrayList<>(manifest.tags()))
        .setAcl(manifest.acl())
        .setDataKeys(new ArrayList<>(manifest.data().keySet()))
        .setFileKeys(new ArrayList<>(manifest.files().keySet()))
        .setSealed(sealer.seal(recipient, plaintext, aad))
        .build();
  }
}
