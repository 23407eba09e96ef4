package io.datadock.secret.topology;

import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.secret.SecretCommand;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The two kinds of record on a secret's input log, each handed to its processor: commands (the
 * gateway's, and secret-service's own re-seals) and the reference requests secret-service copied
 * there. Both decide against the same store, in the log's order.
 */
final class SecretInputs implements Processor<String, SpecificRecord, String, Object> {

  private ProcessorContext<String, Object> context;

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    SpecificRecord input = record.value();
    if (input instanceof SecretCommand) {
      context.forward(record.withValue(input), SecretTopology.PROCESSOR);
    } else if (input instanceof ReferenceRequest) {
      context.forward(record.withValue(input), SecretTopology.REFERENCE_PROCESSOR);
    } else if (input != null) {
      throw new IllegalArgumentException("not a secret input: " + input.getClass().getSimpleName());
    }
  }
}
