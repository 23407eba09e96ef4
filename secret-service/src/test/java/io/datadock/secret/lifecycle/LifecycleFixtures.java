package io.datadock.secret.lifecycle;

import io.datadock.schemas.common.SealedPayload;
import io.datadock.schemas.secret.SecretAction;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretSpec;
import java.nio.ByteBuffer;
import java.util.List;

/** A secret's command and spec, its payload standing for a plaintext by its key id. */
final class LifecycleFixtures {

  private LifecycleFixtures() {}

  static SecretCommand command(SecretAction action, SecretSpec spec) {
    return SecretCommand.newBuilder()
        .setCommandId("c-1")
        .setResourceKey("t/secret/db")
        .setAction(action)
        .setIssuedBy("user:alice")
        .setIssuedAt(1_000)
        .setSpec(spec)
        .build();
  }

  /**
   * @param sealedTo the payload's key id, which the tests' openers map to a plaintext
   */
  static SecretSpec spec(String sealedTo) {
    return SecretSpec.newBuilder()
        .setName("db")
        .setManifestVersion("v2alpha")
        .setKind("secret")
        .setSecretType("key-value")
        .setTenant("t")
        .setWorkspace("public")
        .setOwner("alice")
        .setAcl("rw")
        .setDataKeys(List.of("password"))
        .setFileKeys(List.of("ca.pem"))
        .setSealed(
            SealedPayload.newBuilder()
                .setKeyId(sealedTo)
                .setEnc(ByteBuffer.wrap(new byte[0]))
                .setNonce(ByteBuffer.wrap(new byte[0]))
                .setCiphertext(ByteBuffer.wrap(new byte[0]))
                .build())
        .build();
  }
}
