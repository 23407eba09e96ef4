package io.datadock.secret.topology;

import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.streams.PromptCommit;
import io.datadock.schemas.SequencingHeader;
import io.datadock.schemas.reference.ReferenceRequest;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Puts depot-service's reference requests in line with the secret's commands: a request marked by
 * {@link SequencingHeader} is appended, unchanged, to the secret's partition of {@code
 * secret.commands} and decided only when read back there, so the live run, a redone transaction and
 * a replay decide it at the same place in one log. Read from two topics, a delete and a reference
 * would be ordered by arrival live and by timestamp in a replay, and could be decided differently.
 *
 * <p>An unmarked request was written by an older depot-service: it is decided here, directly, as
 * that older version decided it, so history from before the upgrade still replays.
 */
final class RequestSequencer implements Processor<String, ReferenceRequest, String, Object> {

  private final ReplayBoundary boundary;
  private final PromptCommit commits = new PromptCommit();
  private ProcessorContext<String, Object> context;

  RequestSequencer(ReplayBoundary boundary) {
    this.boundary = boundary;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    commits.init(context);
  }

  @Override
  public void process(Record<String, ReferenceRequest> record) {
    ReferenceRequest request = record.value();
    if (request == null) {
      return;
    }
    if (!SequencingHeader.onSecretCommands(record.headers())) {
      context.forward(record, SecretTopology.REFERENCE_PROCESSOR);
      return;
    }
    if (boundary.alreadyProcessed(context.recordMetadata())) {
      return; // its copy is on secret.commands already, decided there
    }
    context.forward(
        record.withKey(request.getSecretKey()).withValue((Object) request),
        SecretTopology.COMMANDS_SINK);
    commits.sent(); // decided once read back, committed
  }
}
