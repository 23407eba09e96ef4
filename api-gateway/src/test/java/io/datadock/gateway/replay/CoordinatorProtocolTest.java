package io.datadock.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.gateway.replay.CoordinatorAction.AwaitAnswers;
import io.datadock.gateway.replay.CoordinatorAction.CountMembers;
import io.datadock.gateway.replay.CoordinatorAction.DeleteGroup;
import io.datadock.gateway.replay.CoordinatorAction.DeleteInternalTopics;
import io.datadock.gateway.replay.CoordinatorAction.FollowAnswers;
import io.datadock.gateway.replay.CoordinatorAction.ListTopics;
import io.datadock.gateway.replay.CoordinatorAction.Publish;
import io.datadock.gateway.replay.CoordinatorAction.ReadOffsets;
import io.datadock.gateway.replay.CoordinatorAction.SyncInbox;
import io.datadock.gateway.replay.CoordinatorAction.Wait;
import io.datadock.gateway.replay.CoordinatorAction.Warn;
import io.datadock.gateway.replay.CoordinatorInput.Answers;
import io.datadock.gateway.replay.CoordinatorInput.Cause;
import io.datadock.gateway.replay.CoordinatorInput.Failed;
import io.datadock.gateway.replay.CoordinatorInput.Members;
import io.datadock.gateway.replay.CoordinatorInput.Offsets;
import io.datadock.gateway.replay.CoordinatorInput.TopicsDeleted;
import io.datadock.gateway.replay.CoordinatorInput.TopicsLeft;
import io.datadock.gateway.replay.CoordinatorProtocol.Step;
import io.datadock.gateway.replay.CoordinatorState.Phase;
import io.datadock.gateway.replay.ReplayException.Reason;
import io.datadock.runtime.replay.ControlMessage;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.schemas.control.ReplayPhase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every phase of a replay and every way it fails, decided without a broker or a clock. */
class CoordinatorProtocolTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final Instant SOON = T0.plusSeconds(5);
  static final Instant LATE = T0.plus(TIMEOUT).plusMillis(1);
  static final String ID = "r-1";
  static final StateDigest P0 = digest("k0", "v0");
  static final StateDigest P1 = digest("k1", "v1");
  static final Map<String, Long> BOUNDARY = Map.of("depot.commands:0", 7L, "depot.commands:1", 0L);

  Step step;

  Step start(boolean streamsApp) {
    step = CoordinatorProtocol.start(ID, "depot", streamsApp, T0, TIMEOUT);
    return step;
  }

  Step on(CoordinatorInput input) {
    return on(input, SOON);
  }

  Step on(CoordinatorInput input, Instant now) {
    step = CoordinatorProtocol.on(step.state(), input, now);
    return step;
  }

  static StateDigest digest(String key, String value) {
    return StateDigest.builder().add(key, value.getBytes(StandardCharsets.UTF_8)).build();
  }

  static Answers answers(ControlMessage... messages) {
    return new Answers(List.of(messages));
  }

  static ControlMessage stopped(String instance, Map<Integer, StateDigest> shares) {
    return ControlMessage.answer(ID, ReplayPhase.STOPPED, instance, shares, null);
  }

  static ControlMessage digestOf(String instance, Map<Integer, StateDigest> shares) {
    return ControlMessage.answer(ID, ReplayPhase.DIGEST, instance, shares, null);
  }

  static ControlMessage failedAnswer(String instance, String why) {
    return ControlMessage.answer(ID, ReplayPhase.FAILED, instance, Map.of(), why);
  }

  static Publish callOff(String message) {
    return new Publish(ReplayPhase.FAILED, Map.of(), message);
  }

  Phase phase() {
    return step.state().phase();
  }

  CoordinatorState.Failure failure() {
    return step.state().failure();
  }

  void toStopping(boolean streamsApp) {
    start(streamsApp);
    on(new CoordinatorInput.Following());
    on(new Members(2));
  }

  void toRecordingBoundary(boolean streamsApp) {
    toStopping(streamsApp);
    on(answers(stopped("a", Map.of(0, P0)), stopped("b", Map.of(1, P1))));
    on(new Members(0));
    on(new CoordinatorInput.InboxSynced());
    on(answers());
  }

  void toRebuilding() {
    toRecordingBoundary(false);
    on(new Offsets(BOUNDARY));
    on(new CoordinatorInput.GroupDeleted());
  }

  void toCollectingDigests() {
    toRebuilding();
    on(new Offsets(Map.of("depot.commands:0", 7L)));
  }

  @Test
  void aReplayFollowsTheAnswersFirstThenCountsTheMembers() {
    assertThat(start(true).actions()).containsExactly(new FollowAnswers());
    assertThat(phase()).isEqualTo(Phase.CHECKING);
    assertThat(on(new CoordinatorInput.Following()).actions()).containsExactly(new CountMembers());
  }

  @Test
  void withNoRunningInstanceItIsNotRunningAndNothingIsSent() {
    start(true);
    on(new CoordinatorInput.Following());
    assertThat(on(new Members(0)).actions()).isEmpty();
    assertThat(failure().reason()).isEqualTo(Reason.NOT_RUNNING);
    assertThat(failure().message()).contains("no instance of depot is running");

    start(true);
    on(new CoordinatorInput.Following());
    on(new Failed(Cause.GROUP_NOT_FOUND, "no such group"));
    assertThat(failure().reason()).isEqualTo(Reason.NOT_RUNNING);
  }

  @Test
  void theControlTopicNotReadableAtTheStartFailsWithoutCallingAnythingOff() {
    start(true);
    assertThat(on(new Failed(Cause.ERROR, "cannot read replay.control: gone")).actions()).isEmpty();
    assertThat(failure())
        .isEqualTo(new CoordinatorState.Failure(Reason.FAILED, "cannot read replay.control: gone"));
  }

  @Test
  void requestedAsksEveryInstanceToStop() {
    toStopping(true);
    assertThat(phase()).isEqualTo(Phase.STOPPING);
    assertThat(step.actions())
        .containsExactly(new Publish(ReplayPhase.REQUESTED, Map.of(), null), new AwaitAnswers());
  }

  @Test
  void stoppedAnswersAreCollectedUntilTheGroupIsEmptyThenTheLastOnesAreRead() {
    toStopping(true);
    ControlMessage otherReplay =
        new ControlMessage("r-other", ReplayPhase.STOPPED, "x", Map.of(0, P1), Map.of(), null);
    ControlMessage ownStep = ControlMessage.step(ID, ReplayPhase.REQUESTED, Map.of(), null);
    assertThat(on(answers(stopped("a", Map.of(0, P0)), otherReplay, ownStep)).actions())
        .containsExactly(new CountMembers());
    assertThat(on(new Members(1)).actions()).containsExactly(new AwaitAnswers());
    on(answers());
    // Instances answer before they leave: once the group is empty, every answer is on the topic.
    assertThat(on(new Members(0)).actions()).containsExactly(new SyncInbox());
    assertThat(phase()).isEqualTo(Phase.DRAINING);
    assertThat(on(new CoordinatorInput.InboxSynced()).actions())
        .containsExactly(new AwaitAnswers());
    assertThat(on(answers(stopped("b", Map.of(1, P1)))).actions())
        .containsExactly(new ReadOffsets());
    assertThat(phase()).isEqualTo(Phase.RECORDING_BOUNDARY);
    assertThat(step.state().before()).containsOnlyKeys("a", "b");
  }

  @Test
  void anEmptyGroupBeforeAnyAnswerIsWaitedOn() {
    toStopping(true);
    on(answers());
    assertThat(on(new Members(0)).actions()).containsExactly(new AwaitAnswers());
    assertThat(on(new Failed(Cause.GROUP_NOT_FOUND, "gone"), SOON).state().phase())
        .isEqualTo(Phase.STOPPING);
  }

  @Test
  void aMemberThatNeverAnswersCallsTheReplayOffBeforeAnyReset() {
    toStopping(true);
    on(answers(stopped("a", Map.of(0, P0))));
    Step last = on(new Members(1), LATE);
    assertThat(failure().reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(failure().message())
        .isEqualTo("instances of depot did not stop in time; stopped: [a]");
    // the stopped instances resume as they were; the group is never touched
    assertThat(last.actions()).containsExactly(callOff(failure().message()));
  }

  @Test
  void anInstanceThatCannotStopCallsTheReplayOffForTheOthers() {
    toStopping(true);
    on(answers(stopped("a", Map.of(0, P0))));
    on(new Members(1));
    Step last = on(answers(failedAnswer("b", "could not stop: store not readable")));
    assertThat(failure().reason()).isEqualTo(Reason.FAILED);
    assertThat(failure().message())
        .isEqualTo("instance b of depot: could not stop: store not readable");
    assertThat(last.actions()).containsExactly(callOff(failure().message()));
  }

  @Test
  void aClusterThatDoesNotAnswerWhileInstancesStopCallsTheReplayOff() {
    toStopping(true);
    Step last = on(new Failed(Cause.TIMEOUT, "no answer in time"));
    assertThat(failure())
        .isEqualTo(new CoordinatorState.Failure(Reason.TIMEOUT, "cluster did not answer"));
    assertThat(last.actions()).containsExactly(callOff("cluster did not answer"));

    toStopping(true);
    on(new Failed(Cause.ERROR, "cannot write to replay.control: broken"));
    assertThat(failure().reason()).isEqualTo(Reason.FAILED);
  }

  @Test
  void theBoundaryIsTheCommittedOffsetsThenTheGroupIsDeleted() {
    toRecordingBoundary(true);
    assertThat(on(new Offsets(BOUNDARY)).actions()).containsExactly(new DeleteGroup());
    assertThat(phase()).isEqualTo(Phase.DELETING_GROUP);
    assertThat(step.state().boundary()).isEqualTo(BOUNDARY);
  }

  @Test
  void aResetThatFailsIsAFailureNotATimeoutAndCallsTheReplayOff() {
    toRecordingBoundary(true);
    Step last = on(new Failed(Cause.TIMEOUT, "no answer in time"));
    assertThat(failure())
        .isEqualTo(
            new CoordinatorState.Failure(Reason.FAILED, "cannot reset depot: no answer in time"));
    assertThat(last.actions()).containsExactly(callOff(failure().message()));

    toRecordingBoundary(true);
    on(new Offsets(BOUNDARY));
    last = on(new Failed(Cause.ERROR, "not authorized"));
    assertThat(failure())
        .isEqualTo(
            new CoordinatorState.Failure(Reason.FAILED, "cannot reset depot: not authorized"));
    assertThat(last.actions()).containsExactly(callOff(failure().message()));
  }

  @Test
  void aStreamsAppsInternalTopicsAreDeletedAndAwaitedGoneBeforeTheReset() {
    toRecordingBoundary(true);
    on(new Offsets(BOUNDARY));
    assertThat(on(new CoordinatorInput.GroupDeleted()).actions())
        .containsExactly(new DeleteInternalTopics());
    List<String> internal = List.of("app-store-changelog", "app-x-repartition");
    assertThat(on(new TopicsDeleted(internal)).actions()).containsExactly(new ListTopics(internal));
    assertThat(on(new TopicsLeft(List.of("app-x-repartition"))).actions())
        .containsExactly(new Wait());
    assertThat(on(new CoordinatorInput.Waited()).actions())
        .containsExactly(new ListTopics(internal));
    assertThat(on(new TopicsLeft(List.of())).actions())
        .containsExactly(new Publish(ReplayPhase.RESET, BOUNDARY, null), new AwaitAnswers());
    assertThat(phase()).isEqualTo(Phase.REBUILDING);
  }

  @Test
  void aPlainConsumerGroupIsResetOnceItIsDeleted() {
    toRebuilding();
    assertThat(phase()).isEqualTo(Phase.REBUILDING);
    assertThat(step.actions())
        .containsExactly(new Publish(ReplayPhase.RESET, BOUNDARY, null), new AwaitAnswers());

    toRecordingBoundary(true);
    on(new Offsets(BOUNDARY));
    on(new CoordinatorInput.GroupDeleted());
    on(new TopicsDeleted(List.of()));
    assertThat(phase()).isEqualTo(Phase.REBUILDING);
  }

  @Test
  void internalTopicsThatCannotBeDeletedOnceTheGroupIsGoneDoNotStopTheReplay() {
    toRecordingBoundary(true);
    on(new Offsets(BOUNDARY));
    on(new CoordinatorInput.GroupDeleted());
    Step next = on(new Failed(Cause.ERROR, "topic deletion disabled"));
    assertThat(phase()).isEqualTo(Phase.REBUILDING);
    assertThat(next.actions())
        .containsExactly(
            new Warn("internal topics not deleted, the replay goes on: topic deletion disabled"),
            new Publish(ReplayPhase.RESET, BOUNDARY, null),
            new AwaitAnswers());

    toRecordingBoundary(true);
    on(new Offsets(BOUNDARY));
    on(new CoordinatorInput.GroupDeleted());
    on(new TopicsDeleted(List.of("app-store-changelog")));
    next = on(new TopicsLeft(List.of("app-store-changelog")), LATE);
    assertThat(phase()).isEqualTo(Phase.REBUILDING);
    assertThat(next.actions().get(0)).isInstanceOf(Warn.class);
    assertThat(next.actions()).contains(new Publish(ReplayPhase.RESET, BOUNDARY, null));
  }

  @Test
  void theRebuildIsDoneOnceTheCommittedOffsetsAreBackAtTheBoundary() {
    toRebuilding();
    assertThat(on(answers()).actions()).containsExactly(new ReadOffsets());
    assertThat(on(new Offsets(Map.of("depot.commands:0", 6L))).actions())
        .containsExactly(new AwaitAnswers());
    on(answers());
    // the rebuilt instances have not committed yet
    assertThat(on(new Failed(Cause.GROUP_NOT_FOUND, "none")).actions())
        .containsExactly(new AwaitAnswers());
    on(answers());
    assertThat(on(new Failed(Cause.TIMEOUT, "slow")).actions()).containsExactly(new AwaitAnswers());
    on(answers());
    // partition 1's boundary is 0: nothing to wait for there
    assertThat(on(new Offsets(Map.of("depot.commands:0", 7L))).actions())
        .containsExactly(
            new Publish(ReplayPhase.DIGEST_REQUESTED, Map.of(), null), new AwaitAnswers());
    assertThat(phase()).isEqualTo(Phase.COLLECTING_DIGESTS);
  }

  @Test
  void aRebuildStillRunningAtTheDeadlineIsATimeoutAndCallsNothingOff() {
    toRebuilding();
    on(answers());
    assertThat(on(new Offsets(Map.of()), LATE).actions()).isEmpty();
    assertThat(failure().reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(failure().message()).startsWith("depot was reset and is still rebuilding");
  }

  @Test
  void anInstanceFailingAfterTheResetFailsTheReplayWithoutCallingItOff() {
    toRebuilding();
    assertThat(on(answers(failedAnswer("a", "boom"))).actions()).isEmpty();
    assertThat(failure())
        .isEqualTo(new CoordinatorState.Failure(Reason.FAILED, "instance a of depot: boom"));

    toRebuilding();
    on(answers());
    assertThat(on(new Failed(Cause.ERROR, "not authorized")).actions()).isEmpty();
    assertThat(failure().reason()).isEqualTo(Reason.FAILED);
  }

  @Test
  void theDigestsOfEveryInstanceEndTheReplayWithItsReport() {
    toCollectingDigests();
    assertThat(on(answers(digestOf("a", Map.of(0, P0)))).actions())
        .containsExactly(new AwaitAnswers());
    Step last = on(answers(digestOf("b", Map.of(1, P1))), T0.plusMillis(2710));
    assertThat(last.actions()).isEmpty();
    assertThat(phase()).isEqualTo(Phase.DONE);
    ReplayReport report = step.state().report();
    assertThat(report.replayId()).isEqualTo(ID);
    assertThat(report.service()).isEqualTo("depot");
    assertThat(report.instances()).containsExactly("a", "b");
    assertThat(report.before()).isEqualTo(P0.plus(P1));
    assertThat(report.equal()).isTrue();
    assertThat(report.tookMs()).isEqualTo(2710);
  }

  @Test
  void aPartitionReportedByTwoInstancesCountsOnce() {
    toStopping(false);
    // b took partition 0 over from a, which stopped first: both report it, with the same state
    on(answers(stopped("a", Map.of(0, P0)), stopped("b", Map.of(0, P0, 1, P1))));
    on(new Members(0));
    on(new CoordinatorInput.InboxSynced());
    on(answers());
    on(new Offsets(Map.of()));
    on(new CoordinatorInput.GroupDeleted());
    on(new Offsets(Map.of()));
    on(answers(digestOf("a", Map.of()), digestOf("b", Map.of(0, P0, 1, P1))));
    assertThat(step.state().report().before()).isEqualTo(P0.plus(P1));
    assertThat(step.state().report().after()).isEqualTo(P0.plus(P1));
  }

  @Test
  void aPartitionWithNoActiveOwnerYetIsAskedForAgain() {
    toCollectingDigests();
    // right after the rebuild a rebalance left partition 1 without an active owner
    Step next = on(answers(digestOf("a", Map.of(0, P0)), digestOf("b", Map.of())));
    assertThat(phase()).isEqualTo(Phase.SETTLING);
    assertThat(next.actions()).containsExactly(new AwaitAnswers());
    next = on(answers(digestOf("b", Map.of(1, P1))));
    assertThat(phase()).isEqualTo(Phase.COLLECTING_DIGESTS);
    assertThat(step.state().after()).isEmpty();
    assertThat(next.actions())
        .containsExactly(
            new Publish(ReplayPhase.DIGEST_REQUESTED, Map.of(), null), new AwaitAnswers());
  }

  @Test
  void digestsMissingAtTheDeadlineAreATimeoutNamingWhatIsMissing() {
    toCollectingDigests();
    assertThat(on(answers(digestOf("a", Map.of(0, P0))), LATE).actions()).isEmpty();
    assertThat(failure().reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(failure().message())
        .isEqualTo("depot was rebuilt but not every instance reported its digest; missing: [b]");

    toCollectingDigests();
    on(answers(digestOf("a", Map.of(0, P0)), digestOf("b", Map.of())), LATE);
    assertThat(failure().message())
        .isEqualTo("depot was rebuilt but some of its partitions have no active owner yet");
  }

  @Test
  void anInterruptCallsTheReplayOffOnlyWhileTheGroupIsUntouched() {
    toStopping(true);
    Step last = on(new Failed(Cause.INTERRUPTED, "interrupted"));
    assertThat(failure()).isEqualTo(new CoordinatorState.Failure(Reason.FAILED, "interrupted"));
    assertThat(last.actions()).containsExactly(callOff("interrupted"));

    toRebuilding();
    assertThat(on(new Failed(Cause.INTERRUPTED, "interrupted")).actions()).isEmpty();
    assertThat(failure().reason()).isEqualTo(Reason.FAILED);
  }

  @Test
  void aDigestRequestThatCannotBeWrittenFailsTheReplay() {
    toCollectingDigests();
    on(new Failed(Cause.ERROR, "cannot write to replay.control: broken"));
    assertThat(failure())
        .isEqualTo(
            new CoordinatorState.Failure(Reason.FAILED, "cannot write to replay.control: broken"));
  }

  @Test
  void aFinishedReplayIgnoresWhatComesAfter() {
    toCollectingDigests();
    on(answers(digestOf("a", Map.of(0, P0)), digestOf("b", Map.of(1, P1))));
    CoordinatorState done = step.state();
    assertThat(on(answers(failedAnswer("a", "late"))).state()).isSameAs(done);
    assertThat(step.actions()).isEmpty();
  }
}
