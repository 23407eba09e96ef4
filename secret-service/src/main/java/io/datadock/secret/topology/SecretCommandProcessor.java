package io.datadock.secret.topology;

import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.streams.PromptCommit;
import io.datadock.schemas.ResourceVersionHeader;
import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.lifecycle.SecretDecider;
import io.datadock.secret.lifecycle.SecretDecision;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link SecretDecider} decisions to the store and forwards their records to the sinks. */
final class SecretCommandProcessor implements Processor<String, SecretCommand, String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(SecretCommandProcessor.class);

  private final SecretDecider decider;
  private final SecretDecider replayDecider;
  private final ReplayBoundary boundary;
  private ProcessorContext<String, Object> context;
  private final PromptCommit commits = new PromptCommit();
  private KeyValueStore<String, SecretState> store;

  SecretCommandProcessor(
      SecretDecider decider, SecretDecider replayDecider, ReplayBoundary boundary) {
    this.decider = decider;
    this.replayDecider = replayDecider;
    this.boundary = boundary;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    commits.init(context);
    this.store = context.getStateStore(SecretTopology.SECRETS_STORE);
  }

  @Override
  public void process(Record<String, SecretCommand> record) {
    SecretCommand command = record.value();
    if (command == null) {
      return;
    }
    boundary.beforeProcessing(context.recordMetadata(), () -> SecretTopology.digestOf(store));
    String key = command.getResourceKey();
    boolean replayed = boundary.alreadyProcessed(context.recordMetadata());
    SecretDecision decision =
        (replayed ? replayDecider : decider).decide(store.get(key), command, nextVersion());
    switch (decision.store()) {
      case PUT -> store.put(key, decision.newState());
      case DELETE -> store.delete(key);
      case KEEP -> {}
    }
    if (replayed) {
      return;
    }
    Record<String, Object> base = new Record<>(key, null, record.timestamp(), new RecordHeaders());
    if (decision.event() != null) {
      context.forward(base.withValue(decision.event()), SecretTopology.EVENTS_SINK);
    }
    if (decision.state() != null) {
      context.forward(
          base.withValue(decision.state())
              .withHeaders(ResourceVersionHeader.of(decision.resourceVersion())),
          SecretTopology.STATE_SINK);
    } else if (decision.tombstone()) {
      context.forward(
          base.withHeaders(ResourceVersionHeader.of(decision.resourceVersion())),
          SecretTopology.STATE_SINK);
    }
    context.forward(
        new Record<String, Object>(
            command.getCommandId(), decision.result(), record.timestamp(), new RecordHeaders()),
        SecretTopology.RESULTS_SINK);
    for (ReferenceReply notice : decision.notices()) {
      context.forward(
          new Record<String, Object>(
              notice.getDepotKey(),
              notice,
              SecretTopology.replyTimestamp(record),
              new RecordHeaders()),
          SecretTopology.REPLIES_SINK);
    }
    if (!decision.notices().isEmpty()) {
      commits.sent(); // the dependent depots read the notices committed
    }
    LOG.info(
        "secret command={} action={} key={} outcome={} resourceVersion={}",
        command.getCommandId(),
        command.getAction(),
        key,
        decision.result().getOutcome(),
        decision.result().getResourceVersion());
  }

  /**
   * The command's offset in its partition (plus one): strictly increasing for every resource of the
   * partition, across deletes and re-creates, and identical when the commands are replayed.
   */
  private long nextVersion() {
    return context.recordMetadata().map(m -> m.offset() + 1).orElseThrow();
  }
}
