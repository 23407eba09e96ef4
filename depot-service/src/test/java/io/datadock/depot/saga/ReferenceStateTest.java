package io.datadock.depot.saga;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReferenceStateTest {

  @Test
  void theWireNamesAreTheWordsADepotsStateCarries() {
    assertThat(ReferenceState.values())
        .extracting(ReferenceState::wireName)
        .containsExactly("pending", "granted", "denied");
  }

  @ParameterizedTest
  @EnumSource(ReferenceState.class)
  void everyWireNameReadsBackAsItsState(ReferenceState state) {
    assertThat(ReferenceState.fromWire(state.wireName())).contains(state);
    assertThat(state.is(state.wireName())).isTrue();
  }

  @Test
  void otherWordsAreNoReferenceState() {
    assertThat(ReferenceState.fromWire("GRANTED")).isEmpty();
    assertThat(ReferenceState.fromWire("active")).isEmpty();
    assertThat(ReferenceState.fromWire(null)).isEmpty();
    assertThat(ReferenceState.GRANTED.is(null)).isFalse();
  }
}
