package io.datadock.schemas;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka {@link Serde} over a {@link RecordCodec}; {@code null} (a tombstone) stays null. */
public final class CodecSerde<T> implements Serde<T> {

  private final RecordCodec<T> codec;

  public CodecSerde(RecordCodec<T> codec) {
    this.codec = codec;
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
