package io.datadock.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDigestTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theOrderEntriesAreAddedInDoesNotMatter() {
    StateDigest ab = StateDigest.builder().add("a", bytes("1")).add("b", bytes("2")).build();
    StateDigest ba = StateDigest.builder().add("b", bytes("2")).add("a", bytes("1")).build();
    assertThat(ab).isEqualTo(ba);
    assertThat(ab.entries()).isEqualTo(2);
    assertThat(ab.sha256()).hasSize(64);
  }

  @Test
  void sharesAddUpToTheDigestOfTheWhole() {
    StateDigest whole =
        StateDigest.builder()
            .add("a", bytes("1"))
            .add("b", bytes("2"))
            .add("c", bytes("3"))
            .build();
    StateDigest p0 = StateDigest.builder().add("a", bytes("1")).build();
    StateDigest p1 = StateDigest.builder().add("b", bytes("2")).add("c", bytes("3")).build();
    assertThat(StateDigest.total(Map.of(0, p0, 1, p1))).isEqualTo(whole);
    assertThat(p0.plus(StateDigest.EMPTY)).isEqualTo(p0);
  }

  @Test
  void anyChangeToAKeyOrAValueMovesTheDigest() {
    StateDigest base = StateDigest.builder().add("a", bytes("1")).build();
    assertThat(StateDigest.builder().add("a", bytes("2")).build()).isNotEqualTo(base);
    assertThat(StateDigest.builder().add("b", bytes("1")).build()).isNotEqualTo(base);
    // the length prefixes keep key and value apart: "ab"+"c" is not "a"+"bc"
    assertThat(StateDigest.builder().add("ab", bytes("c")).build())
        .isNotEqualTo(StateDigest.builder().add("a", bytes("bc")).build());
    assertThat(StateDigest.EMPTY.entries()).isZero();
  }
}
