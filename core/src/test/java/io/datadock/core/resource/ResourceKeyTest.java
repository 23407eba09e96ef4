package io.datadock.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resource keys are record keys on every topic: their text form is a contract. */
class ResourceKeyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "acme/secret/pg-cred",
        "acme/instance-secret/pg-cred",
        "acme/depot/orders",
        "acme/secret/public/pg-cred"
      })
  void aKeyOnATopicReadsBackAndPrintsAsItWasWritten(String key) {
    assertThat(ResourceKey.parse(key)).hasToString(key);
  }

  @Test
  void theKindIsReadAsItsEnum() {
    assertThat(ResourceKey.parse("acme/instance-secret/pg-cred"))
        .isEqualTo(ResourceKey.of("acme", ResourceKind.INSTANCE_SECRET, "pg-cred"));
    assertThat(ResourceKey.parse("acme/secret/ws/pg-cred"))
        .isEqualTo(new ResourceKey("acme", ResourceKind.SECRET, "ws", "pg-cred"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme/bucket/x", "acme/Secret/x", "acme/x", "a/secret/b/c/d"})
  void anythingElseIsNotAResourceKey(String key) {
    assertThatThrownBy(() -> ResourceKey.parse(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a resource key: " + key);
  }
}
