package io.datadock.secret.lifecycle;

import static io.datadock.secret.lifecycle.LifecycleFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.crypto.SealingException;
import io.datadock.core.crypto.SecretPayloads;
import io.datadock.schemas.secret.SecretSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecComparisonTest {

  private static final byte[] AAD = SecretDecider.associatedData("t/secret/db");
  private static final byte[] PLAIN =
      SecretPayloads.encode(Map.of("password", "p"), Map.of("ca.pem", new byte[] {1}));
  private static final byte[] OTHER =
      SecretPayloads.encode(Map.of("password", "q"), Map.of("ca.pem", new byte[] {1}));

  /** Opens payloads by key id: "same" to PLAIN, "other" to OTHER, anything else fails. */
  private final SpecComparison specs =
      new SpecComparison(
          (payload, aad) ->
              switch (payload.getKeyId()) {
                case "same" -> PLAIN;
                case "other" -> OTHER;
                default -> throw new SealingException("no private key " + payload.getKeyId());
              });

  @Test
  void sameMetadataAndSamePlaintextIsTheSameSpecWhateverTheSealedBytes() {
    assertThat(specs.same(spec("same"), spec("resealed"), PLAIN, AAD)).isTrue();
    assertThat(specs.same(spec("other"), spec("same"), PLAIN, AAD)).isFalse();
  }

  @Test
  void anyMetadataChangeIsAChange() {
    SecretSpec stored = spec("same");
    List<SecretSpec> changed =
        List.of(
            SecretSpec.newBuilder(stored).setAcl("r").build(),
            SecretSpec.newBuilder(stored).setDescription("new").build(),
            SecretSpec.newBuilder(stored).setTags(List.of("pii")).build(),
            SecretSpec.newBuilder(stored).setOwner("bob").build(),
            SecretSpec.newBuilder(stored).setLayer("system").build(),
            SecretSpec.newBuilder(stored).setSecretType("certificates").build(),
            SecretSpec.newBuilder(stored).setManifestVersion("v1").build(),
            SecretSpec.newBuilder(stored).setDataKeys(List.of("password", "user")).build(),
            SecretSpec.newBuilder(stored).setFileKeys(List.of()).build());

    for (SecretSpec incoming : changed) {
      assertThat(specs.same(stored, incoming, PLAIN, AAD)).as(incoming.toString()).isFalse();
    }
  }

  @Test
  void aStoredPayloadThatNoLongerOpensCountsAsAChange() {
    assertThat(specs.same(spec("retired-key"), spec("same"), PLAIN, AAD)).isFalse();
  }

  @Test
  void thePayloadMustHoldExactlyTheKeysTheSpecNames() {
    assertThat(SpecComparison.keysMatch(spec("same"), SecretPayloads.decode(PLAIN))).isTrue();
    assertThat(
            SpecComparison.keysMatch(
                spec("same"),
                SecretPayloads.decode(SecretPayloads.encode(Map.of("password", "p"), Map.of()))))
        .isFalse();
    assertThat(
            SpecComparison.keysMatch(
                SecretSpec.newBuilder(spec("same"))
                    .setDataKeys(List.of("password", "user"))
                    .build(),
                SecretPayloads.decode(PLAIN)))
        .isFalse();
  }
}
