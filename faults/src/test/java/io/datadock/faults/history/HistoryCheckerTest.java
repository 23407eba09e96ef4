package io.datadock.faults.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.faults.history.Event.Change;
import io.datadock.faults.history.Operation.Outcome;
import io.datadock.faults.history.Operation.Type;
import io.datadock.faults.history.Violation.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made histories, one for each rule broken, and the ones that must pass. */
class HistoryCheckerTest {

  private static final Map<String, String> SAME = Map.of("secret", "s1", "depot", "d1");

  private static final String K = "default/secret/a";
  private final List<Operation> history = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private final Map<String, Long> resources = new HashMap<>();

  private void op(Type type, long invoked, long completed, Outcome outcome, long version) {
    history.add(
        new Operation(history.size() + 1, "c1", type, K, invoked, completed, outcome, version));
  }

  private Verdict check() {
    return HistoryChecker.check(history, new FinalState(resources, events, SAME, SAME));
  }

  private static List<Rule> rules(Verdict verdict) {
    return verdict.violations().stream().map(Violation::rule).toList();
  }

  @Test
  void createUpdateDeleteRecreateWithMatchingEventsAndStateHolds() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    op(Type.APPLY, 20, 30, Outcome.UPDATED, 2);
    op(Type.READ, 40, 50, Outcome.FOUND, 2);
    op(Type.APPLY, 55, 58, Outcome.UNCHANGED, 2);
    op(Type.DELETE, 60, 70, Outcome.DELETED, Operation.NO_VERSION);
    op(Type.READ, 80, 90, Outcome.ABSENT, Operation.NO_VERSION);
    op(Type.DELETE, 91, 92, Outcome.NOT_FOUND, Operation.NO_VERSION);
    op(Type.APPLY, 100, 110, Outcome.CREATED, 3);
    events.addAll(
        List.of(
            new Event(K, Change.WRITE, 1),
            new Event(K, Change.WRITE, 2),
            new Event(K, Change.DELETE, 2),
            new Event(K, Change.WRITE, 3)));
    resources.put(K, 3L);

    Verdict verdict = check();

    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.acknowledged()).isEqualTo(4);
  }

  @Test
  void anUnknownChangeConcurrentWithAReadMakesNoClaim() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    op(Type.DELETE, 20, Long.MAX_VALUE, Outcome.UNKNOWN, Operation.NO_VERSION);
    op(Type.READ, 30, 40, Outcome.ABSENT, Operation.NO_VERSION);
    events.addAll(List.of(new Event(K, Change.WRITE, 1), new Event(K, Change.DELETE, 1)));

    assertThat(check().violations()).isEmpty();
  }

  @Test
  void anAcknowledgedApplyWithoutItsEventIsLost() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    resources.put(K, 1L);

    assertThat(rules(check())).containsExactly(Rule.LOST);
  }

  @Test
  void anAcknowledgedDeleteWithoutItsEventIsLost() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    op(Type.DELETE, 20, 30, Outcome.DELETED, 1);
    events.add(new Event(K, Change.WRITE, 1));

    assertThat(rules(check())).containsExactly(Rule.LOST);
  }

  @Test
  void concurrentDeletesAnsweredAtTheVersionTheyRemovedAreOneDeletion() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    op(Type.DELETE, 20, 40, Outcome.DELETED, 1);
    op(Type.DELETE, 25, 41, Outcome.DELETED, 1);
    events.addAll(List.of(new Event(K, Change.WRITE, 1), new Event(K, Change.DELETE, 1)));

    assertThat(check().violations()).isEmpty();
  }

  @Test
  void anAcknowledgedVersionCommittedTwiceIsDuplicated() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    events.addAll(List.of(new Event(K, Change.WRITE, 1), new Event(K, Change.WRITE, 1)));
    resources.put(K, 1L);

    Verdict verdict = check();

    assertThat(rules(verdict)).contains(Rule.DUPLICATED);
    assertThat(verdict.duplicated()).isPositive();
  }

  @Test
  void anApplyAnsweredAsFailedButCommittedIsFound() {
    op(Type.APPLY, 0, 10, Outcome.FAILED, Operation.NO_VERSION);
    events.add(new Event(K, Change.WRITE, 1));
    resources.put(K, 1L);

    assertThat(rules(check())).contains(Rule.APPLIED_THOUGH_FAILED);
  }

  @Test
  void aDeletedSecretThatComesBackContradictsTheDelete() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    op(Type.DELETE, 20, 30, Outcome.DELETED, Operation.NO_VERSION);
    events.addAll(List.of(new Event(K, Change.WRITE, 1), new Event(K, Change.DELETE, 1)));
    resources.put(K, 1L);

    Verdict verdict = check();

    assertThat(rules(verdict)).containsExactly(Rule.CONTRADICTED);
    assertThat(verdict.report()).contains("#2 c1 DELETE", "final state: present v1");
  }

  @Test
  void aRefusedDeleteWhoseSecretIsGoneIsContradicted() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    op(Type.DELETE, 20, 30, Outcome.REFUSED, Operation.NO_VERSION);
    events.add(new Event(K, Change.WRITE, 1));

    assertThat(rules(check())).containsExactly(Rule.CONTRADICTED);
  }

  @Test
  void aLaterReadThatMissesAnAcknowledgedCreateContradictsIt() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    op(Type.READ, 20, 30, Outcome.ABSENT, Operation.NO_VERSION);
    events.add(new Event(K, Change.WRITE, 1));
    resources.put(K, 1L);

    assertThat(rules(check())).containsExactly(Rule.CONTRADICTED);
  }

  @Test
  void aReadOfAnOlderVersionAfterAnAcknowledgedUpdateIsAVersionGoingBack() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 1);
    op(Type.APPLY, 20, 30, Outcome.UPDATED, 2);
    op(Type.READ, 40, 50, Outcome.FOUND, 1);
    events.addAll(List.of(new Event(K, Change.WRITE, 1), new Event(K, Change.WRITE, 2)));
    resources.put(K, 2L);

    assertThat(rules(check())).containsExactly(Rule.VERSION_DECREASED);
  }

  @Test
  void writeEventsWhoseVersionsGoBackAreFound() {
    op(Type.APPLY, 0, 10, Outcome.CREATED, 2);
    op(Type.APPLY, 20, 30, Outcome.UPDATED, 1);
    events.addAll(List.of(new Event(K, Change.WRITE, 2), new Event(K, Change.WRITE, 1)));
    resources.put(K, 1L);

    assertThat(rules(check())).containsOnly(Rule.VERSION_DECREASED).hasSize(2);
  }

  @Test
  void aReplayThatDiffersIsFoundAndNamesItsService() {
    Map<String, String> replayed = Map.of("secret", "s1", "depot", "d2");
    Verdict verdict =
        HistoryChecker.check(List.of(), new FinalState(Map.of(), List.of(), SAME, replayed));

    assertThat(verdict.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.DIGEST_DIFFERS))
        .satisfies(v -> assertThat(v.key()).isEqualTo("depot"));
    assertThat(verdict.contradicted()).isEqualTo(1);
  }
}
