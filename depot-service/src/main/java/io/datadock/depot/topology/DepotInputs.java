package io.datadock.depot.topology;

import io.datadock.depot.lifecycle.DepotDecider;
import io.datadock.depot.lifecycle.DepotDecision;
import io.datadock.depot.saga.ReplyDecider;
import io.datadock.depot.validation.CheckResultDecider;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.depot.ValidationResult;
import io.datadock.schemas.reference.ReferenceReply;
import org.apache.avro.specific.SpecificRecord;

/**
 * The three kinds of record on a depot's input log, each handed to its pure decider: the gateway's
 * commands, secret-service's replies and the validator's check results.
 */
final class DepotInputs implements DecidingProcessor.Decider<SpecificRecord> {

  private final DepotDecider commands = new DepotDecider();
  private final ReplyDecider replies = new ReplyDecider();
  private final CheckResultDecider checks = new CheckResultDecider();

  @Override
  public DepotDecision decide(DepotState current, SpecificRecord input, long nextVersion) {
    if (input instanceof DepotCommand command) {
      return commands.decide(current, command, nextVersion);
    }
    if (input instanceof ReferenceReply reply) {
      return replies.decide(current, reply);
    }
    if (input instanceof ValidationResult result) {
      return checks.decide(current, result);
    }
    throw new IllegalArgumentException("not a depot input: " + input.getClass().getSimpleName());
  }

  static String depotKey(SpecificRecord input) {
    if (input instanceof DepotCommand command) {
      return command.getResourceKey();
    }
    if (input instanceof ReferenceReply reply) {
      return reply.getDepotKey();
    }
    if (input instanceof ValidationResult result) {
      return result.getDepotKey();
    }
    throw new IllegalArgumentException("not a depot input: " + input.getClass().getSimpleName());
  }
}
