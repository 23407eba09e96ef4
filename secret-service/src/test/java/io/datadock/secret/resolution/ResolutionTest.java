package io.datadock.secret.resolution;

import static io.datadock.secret.resolution.TestSecrets.PLAIN;
import static io.datadock.secret.resolution.TestSecrets.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.crypto.SecretPayloads;
import io.datadock.schemas.secret.AccessOutcome;
import io.datadock.schemas.secret.SecretState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolutionTest {

  @Test
  void anRAclAllowsOnlyReadingPurposes() {
    assertThat(AclPolicy.allows("r", Purpose.RW)).isFalse();
    assertThat(AclPolicy.allows("r", Purpose.SCAN)).isTrue();
    assertThat(AclPolicy.allows("r", Purpose.QUERY)).isTrue();
    assertThat(AclPolicy.allows("rw", Purpose.RW)).isTrue();
    assertThat(AclPolicy.allows(null, Purpose.RW)).isTrue();
  }

  @Test
  void typeSemanticsShapeTheFields() {
    SecretPayloads.Decoded payload = SecretPayloads.decode(PLAIN);
    assertThat(ResolvedFields.of("key-value", payload)).containsOnlyKeys("password", "username");
    assertThat(ResolvedFields.of("key-value-properties", payload))
        .containsExactly(Map.entry("properties", "password=p w\nusername=u\n"));
    assertThat(ResolvedFields.of("certificates", payload))
        .containsExactly(Map.entry("ca.pem", "QQ=="));
    assertThat(ResolvedFields.of("cloud-kernel", payload))
        .containsOnlyKeys("password", "username", "ca.pem");
  }

  @Test
  void aMissingSecretIsNotFoundAndAForbiddenPurposeOpensNothing() {
    assertThat(Resolution.decide("t/secret/x", null, Purpose.RW, (p, a) -> PLAIN).outcome())
        .isEqualTo(AccessOutcome.NOT_FOUND);

    Resolution.Answer denied =
        Resolution.decide(
            "t/instance-secret/x",
            state("r"),
            Purpose.RW,
            (p, a) -> {
              throw new AssertionError("a denied purpose must not open the payload");
            });
    assertThat(denied.outcome()).isEqualTo(AccessOutcome.DENIED);
    assertThat(denied.fields()).isEmpty();
    assertThat(
            Resolution.decide("t/instance-secret/x", state("r"), Purpose.SCAN, (p, a) -> PLAIN)
                .fields())
        .containsKey("properties");
  }

  @Test
  void aDepotMayResolveOnlyASecretThatGrantedItsReference() {
    SecretState state = state("rw");
    state.setDependents(List.of("t/depot/granted"));

    Resolution.Answer other =
        Resolution.decide(
            "t/instance-secret/x",
            state,
            Purpose.RW,
            "t/depot/other",
            (p, a) -> {
              throw new AssertionError("a refused depot must not open the payload");
            });
    assertThat(other.outcome()).isEqualTo(AccessOutcome.DENIED);
    assertThat(other.reason()).isEqualTo("depot t/depot/other does not reference this secret");
    assertThat(
            Resolution.decide(
                    "t/instance-secret/x", state, Purpose.RW, "t/depot/granted", (p, a) -> PLAIN)
                .outcome())
        .isEqualTo(AccessOutcome.ALLOWED);
  }

  @Test
  void aV1WorkspaceSecretsAclServesReadingOnly() {
    SecretState r = state("secret", "key-value", "r");
    Resolution.Answer rw =
        Resolution.decide(
            "t/secret/public/x",
            r,
            Purpose.RW,
            (p, a) -> {
              throw new AssertionError("a denied purpose must not open the payload");
            });
    assertThat(rw.outcome()).isEqualTo(AccessOutcome.DENIED);
    assertThat(rw.reason()).isEqualTo("purpose rw is not allowed by the secret's acl r");
    assertThat(Resolution.decide("t/secret/public/x", r, Purpose.SCAN, (p, a) -> PLAIN).outcome())
        .isEqualTo(AccessOutcome.ALLOWED);
    assertThat(
            Resolution.decide(
                    "t/secret/public/x",
                    state("secret", "key-value", "rw"),
                    Purpose.RW,
                    (p, a) -> PLAIN)
                .outcome())
        .isEqualTo(AccessOutcome.ALLOWED);
  }

  @Test
  void aKeyValueSecretsFilesReachEveryConnectingPurposeUnderTheirNames() {
    for (Purpose purpose : List.of(Purpose.RW, Purpose.SCAN, Purpose.QUERY)) {
      Resolution.Answer answer =
          Resolution.decide(
              "t/secret/x", state("secret", "key-value", null), purpose, (p, a) -> PLAIN);
      assertThat(answer.fields()).containsOnlyKeys("password", "username");
      assertThat(answer.files()).containsExactly(Map.entry("ca.pem", "QQ=="));
      assertThat(answer.handedOut()).containsExactly("password", "username", "file:ca.pem");
    }
    Resolution.Answer properties =
        Resolution.decide(
            "t/instance-secret/x",
            state("instance-secret", "key-value-properties", "r"),
            Purpose.SCAN,
            (p, a) -> PLAIN);
    assertThat(properties.files()).containsExactly(Map.entry("ca.pem", "QQ=="));

    Resolution.Answer unsanitized =
        Resolution.decide(
            "t/secret/x", state("secret", "key-value", null), Purpose.UNSANITIZE, (p, a) -> PLAIN);
    assertThat(unsanitized.fields()).containsEntry("ca.pem", "QQ==");
    assertThat(unsanitized.files()).isEmpty();

    Resolution.Answer denied =
        Resolution.decide(
            "t/instance-secret/x",
            state("instance-secret", "key-value", "r"),
            Purpose.RW,
            (p, a) -> PLAIN);
    assertThat(denied.files()).isEmpty();
  }
}
