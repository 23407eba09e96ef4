package io.datadock.depot.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatestChecksTest {

  private final LatestChecks latest = new LatestChecks();

  @Test
  void aCheckIsSupersededOnlyByANewerOneOfTheSameDepot() {
    latest.read("t/depot/a", 4);
    latest.read("t/depot/b", 9);
    latest.read("t/depot/a", 5);

    assertThat(latest.superseded("t/depot/a", 4)).isTrue();
    assertThat(latest.superseded("t/depot/a", 5)).isFalse();
    assertThat(latest.superseded("t/depot/b", 9)).isFalse();
    assertThat(latest.superseded("t/depot/c", 1)).as("never read").isFalse();
  }

  @Test
  void aRequestReadAgainAfterANewerOneStaysSuperseded() {
    // a redone transaction's request comes again with its old id
    latest.read("t/depot/a", 5);
    latest.read("t/depot/a", 4);

    assertThat(latest.superseded("t/depot/a", 4)).isTrue();
    assertThat(latest.superseded("t/depot/a", 5)).isFalse();
  }

  @Test
  void aDepotIsForgottenWhenItsNewestCheckIsOverNotWhenAnOlderOneIs() {
    latest.read("t/depot/a", 4);
    latest.read("t/depot/a", 5);

    latest.over("t/depot/a", 4);
    assertThat(latest.depots()).isEqualTo(1);
    assertThat(latest.superseded("t/depot/a", 4)).isTrue();

    latest.over("t/depot/a", 5);
    assertThat(latest.depots()).isZero();
  }
}
