package io.datadock.schemas;

import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka {@link Serde} over a {@link RecordCodec}; {@code null} (a tombstone) stays null. */
public final class CodecSerde<T> implements Serde<T> {

  private final RecordCodec<T> codec;

  public CodecSerde(RecordCodec<T> codec) {
    this.codec = codec;
  }

  /** The record classes of the values: what a topic with this serde holds. */
  public List<Class<?>> recordTypes() {
    return codec.recordTypes();
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : codec.encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : codec.decode(bytes);
  }
}
