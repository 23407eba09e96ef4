package io.datadock.faults.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.faults.workload.Mix.Kind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixTest {

  @Test
  void theMixedSharesAreTheFaultSchedulesOnes() {
    assertThat(shares(Mix.MIXED))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Kind.SECRET_APPLY, 40,
                Kind.SECRET_DELETE, 10,
                Kind.DEPOT_APPLY, 18,
                Kind.DEPOT_DELETE, 8,
                Kind.SECRET_READ, 14,
                Kind.DEPOT_READ, 10));
    assertThat(Mix.MIXED.applyShare()).isEqualTo(0.58);
  }

  @Test
  void theAppliesMixIsMostlySecretAppliesWithEveryKindStillIn() {
    Map<Kind, Integer> shares = shares(Mix.APPLIES);

    assertThat(shares).containsEntry(Kind.SECRET_APPLY, 84).containsEntry(Kind.DEPOT_APPLY, 3);
    assertThat(shares).containsOnlyKeys(Kind.values());
    assertThat(Mix.APPLIES.applyShare()).isEqualTo(0.87);
  }

  private static Map<Kind, Integer> shares(Mix mix) {
    Map<Kind, Integer> shares = new EnumMap<>(Kind.class);
    for (int roll = 0; roll < 100; roll++) {
      shares.merge(mix.pick(roll), 1, Integer::sum);
    }
    return shares;
  }
}
