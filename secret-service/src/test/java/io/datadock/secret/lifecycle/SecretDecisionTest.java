package io.datadock.secret.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.secret.SecretEvent;
import io.datadock.schemas.secret.SecretState;
import org.junit.jupiter.api.Test;

/** The named decisions say what is stored and published, and nothing else. */
class SecretDecisionTest {

  private final CommandResult result =
      CommandResult.newBuilder()
          .setCommandId("c")
          .setResourceKey("t/secret/db")
          .setOutcome(Outcome.UPDATED)
          .setProcessedAt(1)
          .build();
  private final SecretState state =
      SecretState.newBuilder()
          .setSpec(LifecycleFixtures.spec("k"))
          .setResourceVersion(9)
          .setGeneration(2)
          .setCreatedAt(0)
          .setUpdatedAt(1)
          .build();

  @Test
  void aRejectionOrAnUnchangedApplyStoresAndPublishesNothingButTheResult() {
    for (SecretDecision d :
        new SecretDecision[] {
          SecretDecision.rejected(result), SecretDecision.unchanged(9, result)
        }) {
      assertThat(d.store()).isEqualTo(SecretDecision.Store.KEEP);
      assertThat(d.newState()).isNull();
      assertThat(d.event()).isNull();
      assertThat(d.state()).isNull();
      assertThat(d.tombstone()).isFalse();
      assertThat(d.result()).isSameAs(result);
      assertThat(d.notices()).isEmpty();
    }
    assertThat(SecretDecision.rejected(result).resourceVersion()).isZero();
    assertThat(SecretDecision.unchanged(9, result).resourceVersion()).isEqualTo(9);
  }

  @Test
  void aResealStoresTheStateAtItsVersionAndPublishesNothing() {
    SecretDecision d = SecretDecision.resealed(state, result);

    assertThat(d.store()).isEqualTo(SecretDecision.Store.PUT);
    assertThat(d.newState()).isSameAs(state);
    assertThat(d.event()).isNull();
    assertThat(d.state()).isNull();
    assertThat(d.resourceVersion()).isEqualTo(9);
  }

  @Test
  void aChangeStoresAndPublishesAndADeleteTombstones() {
    SecretEvent event =
        SecretEvents.of(
            LifecycleFixtures.command(
                io.datadock.schemas.secret.SecretAction.APPLY, state.getSpec()),
            state.getSpec(),
            io.datadock.schemas.secret.SecretEventType.SECRET_UPDATED,
            9,
            2);
    var view = SecretResourceStates.of("t/secret/db", state);

    SecretDecision changed = SecretDecision.changed(state, event, view, result);
    assertThat(changed.store()).isEqualTo(SecretDecision.Store.PUT);
    assertThat(changed.event()).isSameAs(event);
    assertThat(changed.state()).isSameAs(view);
    assertThat(changed.tombstone()).isFalse();
    assertThat(changed.resourceVersion()).isEqualTo(9);

    SecretDecision deleted = SecretDecision.deleted(event, 10, result);
    assertThat(deleted.store()).isEqualTo(SecretDecision.Store.DELETE);
    assertThat(deleted.newState()).isNull();
    assertThat(deleted.event()).isSameAs(event);
    assertThat(deleted.state()).isNull();
    assertThat(deleted.tombstone()).isTrue();
    assertThat(deleted.resourceVersion()).isEqualTo(10);
  }
}
