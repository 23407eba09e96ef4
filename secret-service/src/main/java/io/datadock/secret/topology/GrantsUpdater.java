package io.datadock.secret.topology;

import io.datadock.schemas.identity.ReferenceGrant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global store of cross-tenant reference grants as {@code identity.grants} says. */
final class GrantsUpdater implements Processor<String, ReferenceGrant, Void, Void> {

  private KeyValueStore<String, ReferenceGrant> grants;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    grants = context.getStateStore(SecretTopology.GRANTS_STORE);
  }

  @Override
  public void process(Record<String, ReferenceGrant> record) {
    if (record.value() == null) {
      grants.delete(record.key());
    } else {
      grants.put(record.key(), record.value());
    }
  }
}
