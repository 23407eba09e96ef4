package io.datadock.schemas;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Datadock topic: its name relative to the deployment's prefix, its key and value serdes, and
 * whether it is compacted. Declared once in {@link Topics}; nobody spells a topic name twice.
 */
public record Topic<K, V>(
    String baseName, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

  /** The topic's full name under a prefix such as {@code datadock.}. */
  public String name(String prefix) {
    return prefix + baseName;
  }

  /** The record classes of the values: one, or several on a topic that holds several. */
  public List<Class<?>> valueTypes() {
    if (valueSerde instanceof CodecSerde<?> codec) {
      return codec.recordTypes();
    }
    throw new IllegalStateException(baseName + " has no record codec");
  }
}
