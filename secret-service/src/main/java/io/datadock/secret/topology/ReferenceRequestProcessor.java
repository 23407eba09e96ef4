package io.datadock.secret.topology;

import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.streams.PromptCommit;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.reference.HeldGrants;
import io.datadock.secret.reference.ReferenceDecider;
import io.datadock.secret.reference.ReferenceDecision;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides reference and release requests against the same {@code secrets} store the commands use,
 * in the same task, and answers the depot: every request, a release too ({@code RELEASED}). The
 * requests come from the secret's log ({@link SecretInputs}), or, an older depot-service's,
 * straight from {@code secret.reference.requests} ({@link RequestSequencer}).
 */
final class ReferenceRequestProcessor
    implements Processor<String, ReferenceRequest, String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceRequestProcessor.class);

  private final ReplayBoundary boundary;
  private ReferenceDecider decider;
  private ProcessorContext<String, Object> context;
  private final PromptCommit commits = new PromptCommit();
  private KeyValueStore<String, SecretState> store;

  ReferenceRequestProcessor(ReplayBoundary boundary) {
    this.boundary = boundary;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    commits.init(context);
    this.store = context.getStateStore(SecretTopology.SECRETS_STORE);
    KeyValueStore<String, ReferenceGrant> grants =
        context.getStateStore(SecretTopology.GRANTS_STORE);
    this.decider = new ReferenceDecider(new HeldGrants(grants::get));
  }

  @Override
  public void process(Record<String, ReferenceRequest> record) {
    ReferenceRequest request = record.value();
    if (request == null) {
      return;
    }
    boundary.beforeProcessing(context.recordMetadata(), () -> SecretTopology.digestOf(store));
    ReferenceDecision decision = decider.decide(store.get(request.getSecretKey()), request);
    if (decision.newState() != null) {
      store.put(request.getSecretKey(), decision.newState());
    }
    if (!boundary.alreadyProcessed(context.recordMetadata())) {
      context.forward(
          new Record<String, Object>(
              request.getDepotKey(),
              decision.reply(),
              SecretTopology.replyTimestamp(record),
              new RecordHeaders()),
          SecretTopology.REPLIES_SINK);
      commits.sent(); // depot-service reads the reply committed
    }
    LOG.info(
        "secret reference action={} secret={} depot={} round={} answer={}",
        request.getAction(),
        request.getSecretKey(),
        request.getDepotKey(),
        request.getRound(),
        decision.reply().getType());
  }
}
