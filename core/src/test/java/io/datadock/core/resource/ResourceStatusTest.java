package io.datadock.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceStatusTest {

  @Test
  void theWireNamesAreTheLowerCaseWordsRecordsCarry() {
    assertThat(ResourceStatus.values())
        .extracting(ResourceStatus::wireName)
        .containsExactly("pending", "active", "error", "deleting", "deleted");
  }

  @ParameterizedTest
  @EnumSource(ResourceStatus.class)
  void everyWireNameReadsBackAsItsStatus(ResourceStatus status) {
    assertThat(ResourceStatus.fromWire(status.wireName())).contains(status);
    assertThat(status.is(status.wireName())).isTrue();
    assertThat(status).hasToString(status.wireName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ACTIVE", "Active", "accepted", "resealed", "granted", ""})
  void otherWordsAreNoStatus(String wire) {
    assertThat(ResourceStatus.fromWire(wire)).isEmpty();
    assertThat(ResourceStatus.ACTIVE.is(wire)).isFalse();
  }

  @Test
  void nullIsNoStatus() {
    assertThat(ResourceStatus.fromWire(null)).isEmpty();
    assertThat(ResourceStatus.ERROR.is(null)).isFalse();
  }

  @Test
  void aDepotHasSettledOnceActiveOrInError() {
    assertThat(ResourceStatus.values())
        .filteredOn(ResourceStatus::isSettled)
        .containsExactly(ResourceStatus.ACTIVE, ResourceStatus.ERROR);
  }
}
