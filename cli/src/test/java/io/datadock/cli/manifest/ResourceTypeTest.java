package io.datadock.cli.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceTypeTest {

  @Test
  void theTypesAreTheGatewaysWireNames() {
    assertThat(ResourceType.values())
        .extracting(ResourceType::wireName)
        .containsExactly("secret", "instance-secret", "depot");
  }

  @Test
  void aTypeIsNamedExactly() {
    for (ResourceType type : ResourceType.values()) {
      assertThat(type.is(type.wireName())).isTrue();
    }
    assertThat(ResourceType.DEPOT.is("Depot")).isFalse();
    assertThat(ResourceType.SECRET.is("instance-secret")).isFalse();
    assertThat(ResourceType.SECRET.is(null)).isFalse();
  }

  @Test
  void secretsAndInstanceSecretsHoldTheirDataInABlockOfTheirName() {
    assertThat(ResourceType.SECRET_BLOCKS).containsExactly("secret", "instance-secret");
  }
}
