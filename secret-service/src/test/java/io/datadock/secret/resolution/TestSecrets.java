package io.datadock.secret.resolution;

import io.datadock.core.crypto.SecretPayloads;
import io.datadock.schemas.common.SealedPayload;
import io.datadock.schemas.secret.SecretSpec;
import io.datadock.schemas.secret.SecretState;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Stored secrets for the resolution tests; the "opener" of their payload returns {@link #PLAIN}.
 */
final class TestSecrets {

  /** Two fields and a file, as a key-value secret's payload. */
  static final byte[] PLAIN =
      SecretPayloads.encode(
          Map.of("username", "u", "password", "p w"), Map.of("ca.pem", new byte[] {65}));

  private TestSecrets() {}

  /** A v1 instance secret of type key-value-properties. */
  static SecretState state(String acl) {
    return state("instance-secret", "key-value-properties", acl);
  }

  static SecretState state(String kind, String type, String acl) {
    SecretSpec spec =
        SecretSpec.newBuilder()
            .setName("x")
            .setManifestVersion("v1")
            .setKind(kind)
            .setSecretType(type)
            .setTenant("t")
            .setOwner("o")
            .setAcl(acl)
            .setDataKeys(List.of("password", "username"))
            .setSealed(
                SealedPayload.newBuilder()
                    .setKeyId("k")
                    .setEnc(ByteBuffer.wrap(new byte[0]))
                    .setNonce(ByteBuffer.wrap(new byte[0]))
                    .setCiphertext(ByteBuffer.wrap(new byte[0]))
                    .build())
            .build();
    return SecretState.newBuilder()
        .setSpec(spec)
        .setResourceVersion(1)
        .setGeneration(1)
        .setCreatedAt(0)
        .setUpdatedAt(0)
        .build();
  }
}
