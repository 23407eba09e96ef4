package io.datadock.depot.topology;

import io.datadock.depot.lifecycle.DepotDecision;
import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.streams.PromptCommit;
import io.datadock.schemas.ResourceVersionHeader;
import io.datadock.schemas.SequencingHeader;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.resource.CommandResult;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a decider over the {@code depots} store and forwards what it decided; the decider and where
 * the depot key comes from are given.
 */
final class DecidingProcessor<V> implements Processor<String, V, String, Object> {

  /** A pure decision: the depot's state, the input, and the next version (offset + 1). */
  @FunctionalInterface
  interface Decider<V> {
    DepotDecision decide(DepotState current, V input, long nextVersion);
  }

  private static final Logger LOG = LoggerFactory.getLogger(DecidingProcessor.class);

  private final Decider<V> decider;
  private final Function<V, String> depotKey;
  private final ReplayBoundary boundary;
  private ProcessorContext<String, Object> context;
  private final PromptCommit commits = new PromptCommit();
  private KeyValueStore<String, DepotState> store;
  private KeyValueStore<String, Long> versionClock;

  DecidingProcessor(Decider<V> decider, Function<V, String> depotKey, ReplayBoundary boundary) {
    this.decider = decider;
    this.depotKey = depotKey;
    this.boundary = boundary;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    commits.init(context);
    this.store = context.getStateStore(DepotTopology.DEPOTS_STORE);
    this.versionClock = context.getStateStore(DepotTopology.VERSION_CLOCK_STORE);
  }

  @Override
  public void process(Record<String, V> record) {
    V input = record.value();
    if (input == null) {
      return;
    }
    boundary.beforeProcessing(context.recordMetadata(), () -> DepotTopology.digestOf(store));
    String key = depotKey.apply(input);
    String clockKey = String.valueOf(context.taskId().partition());
    long given = Optional.ofNullable(versionClock.get(clockKey)).orElse(0L);
    long offset = context.recordMetadata().map(m -> m.offset()).orElseThrow();
    long nextVersion = Math.max(offset + 1, given + 1);
    DepotDecision decision = decider.decide(store.get(key), input, nextVersion);
    if (decision.resourceVersion() > given) {
      versionClock.put(clockKey, decision.resourceVersion());
    }
    switch (decision.store()) {
      case PUT -> store.put(key, decision.newState());
      case DELETE -> store.delete(key);
      case KEEP -> {}
    }
    if (boundary.alreadyProcessed(context.recordMetadata())) {
      return;
    }
    long ts = record.timestamp();
    // One millisecond later than its cause. Both services decide in the order of their one input
    // log, not by time; this keeps a request's time after its cause's, as it always was.
    long requestTs = ts + 1;
    for (ReferenceRequest request : decision.requests()) {
      // secret-service decides it from its copy on the secret's log, in line with the secret's
      // commands (unmarked requests, from versions before, it decides straight away)
      context.forward(
          new Record<String, Object>(
              request.getSecretKey(), request, requestTs, SequencingHeader.onSecretCommands()),
          DepotTopology.REQUESTS_SINK);
    }
    if (decision.validation() != null) {
      forward(key, decision.validation(), requestTs, DepotTopology.VALIDATION_SINK);
    }
    for (DepotEvent event : decision.events()) {
      forward(key, event, ts, DepotTopology.EVENTS_SINK);
    }
    if (decision.view() != null || decision.tombstone()) {
      context.forward(
          new Record<String, Object>(
              key, decision.view(), ts, ResourceVersionHeader.of(decision.resourceVersion())),
          DepotTopology.STATE_SINK);
    }
    for (CommandResult result : decision.results()) {
      forward(result.getCommandId(), result, ts, DepotTopology.RESULTS_SINK);
    }
    if (!decision.requests().isEmpty()) {
      // secret-service reads committed: that hop waits for this commit. The validator reads its
      // requests uncommitted (ValidationRequestConsumer says why that is safe), so a check request
      // needs no prompt commit.
      commits.sent();
    }
    if (decision.store() != DepotDecision.Store.KEEP || !decision.results().isEmpty()) {
      LOG.info(
          "depot input={} key={} status={} resourceVersion={} requests={} check={} answers={}",
          input.getClass().getSimpleName(),
          key,
          decision.newState() == null ? decision.store() : decision.newState().getStatus(),
          decision.resourceVersion(),
          decision.requests().size(),
          decision.validation() == null ? "-" : decision.validation().getCheckId(),
          decision.results().size());
    }
  }

  private void forward(String key, Object value, long ts, String sink) {
    context.forward(new Record<>(key, value, ts, new RecordHeaders()), sink);
  }
}
