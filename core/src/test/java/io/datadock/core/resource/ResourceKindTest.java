package io.datadock.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceKindTest {

  @Test
  void eachKindHasTheWireNameManifestsAndKeysUse() {
    assertThat(ResourceKind.SECRET.wireName()).isEqualTo("secret");
    assertThat(ResourceKind.INSTANCE_SECRET.wireName()).isEqualTo("instance-secret");
    assertThat(ResourceKind.DEPOT.wireName()).isEqualTo("depot");
  }

  @ParameterizedTest
  @EnumSource(ResourceKind.class)
  void everyWireNameReadsBackAsItsKind(ResourceKind kind) {
    assertThat(ResourceKind.fromWire(kind.wireName())).contains(kind);
    assertThat(ResourceKind.parse(kind.wireName())).isEqualTo(kind);
    assertThat(kind.is(kind.wireName())).isTrue();
    assertThat(kind).hasToString(kind.wireName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bucket", "Secret", "DEPOT", "instance_secret", "INSTANCE_SECRET", ""})
  void anythingElseIsNoKind(String wire) {
    assertThat(ResourceKind.fromWire(wire)).isEmpty();
    assertThat(ResourceKind.SECRET.is(wire)).isFalse();
  }

  @Test
  void nullIsNoKind() {
    assertThat(ResourceKind.fromWire(null)).isEmpty();
    assertThat(ResourceKind.DEPOT.is(null)).isFalse();
  }

  @Test
  void anUnknownTypeIsMalformedNamingTheValueAndTheKnownOnes() {
    assertThatThrownBy(() -> ResourceKind.parse("bucket"))
        .isInstanceOfSatisfying(
            DatadockException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED);
              assertThat(e.field()).isNull();
              assertThat(e)
                  .hasMessage(
                      "unknown type 'bucket', expected one of depot, instance-secret, secret");
            });
  }

  @Test
  void secretsAndInstanceSecretsHoldSecretValuesDepotsDoNot() {
    assertThat(ResourceKind.SECRETS)
        .containsExactly(ResourceKind.SECRET, ResourceKind.INSTANCE_SECRET);
    assertThat(ResourceKind.SECRET.isSecret()).isTrue();
    assertThat(ResourceKind.INSTANCE_SECRET.isSecret()).isTrue();
    assertThat(ResourceKind.DEPOT.isSecret()).isFalse();
  }
}
