package io.datadock.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (a two-byte marker, the 8-byte schema fingerprint, then the binary
 * record), so that any consumer can tell which schema wrote a record without a registry. Decodes
 * records written by the current schema or by any historical version in {@link SchemaHistory}.
 */
public final class AvroSingleObjectCodec<T extends SpecificRecord> implements RecordCodec<T> {

  private final Class<T> type;
  private final List<Long> fingerprints;
  private final BinaryMessageEncoder<T> encoder;

  /**
   * One decoder per thread: Avro's readers keep the thread that made them ({@code
   * GenericDatumReader}'s creator), and a shared decoder makes a reader per writer schema on the
   * thread that first decodes it. Shared, it kept a Kafka Streams thread of an app a replay had
   * closed, and with it that whole app (about 2 MB a service in the soak). Per thread, a reader
   * lives as long as its thread.
   */
  private final ThreadLocal<BinaryMessageDecoder<T>> decoders;

  private AvroSingleObjectCodec(Class<T> type, Schema schema, List<Schema> history) {
    SpecificData model = TrustedSpecificData.withCustomCoders();
    SchemaStore.Cache store = new SchemaStore.Cache();
    history.forEach(store::addSchema);
    this.type = type;
    this.fingerprints =
        Stream.concat(Stream.of(schema), history.stream())
            .map(SchemaNormalization::parsingFingerprint64)
            .toList();
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoders = ThreadLocal.withInitial(() -> new BinaryMessageDecoder<>(model, schema, store));
  }

  public static <T extends SpecificRecord> AvroSingleObjectCodec<T> of(Class<T> type) {
    GeneratedClasses.initialize(type);
    Schema schema = SpecificData.get().getSchema(type);
    return new AvroSingleObjectCodec<>(
        type, schema, SchemaHistory.versionsOf(schema.getFullName()));
  }

  Class<T> type() {
    return type;
  }

  @Override
  public List<Class<?>> recordTypes() {
    return List.of(type);
  }

  /** The fingerprints this codec reads: the current schema's, then its history's. */
  List<Long> fingerprints() {
    return fingerprints;
  }

  @Override
  public byte[] encode(T value) {
    try {
      ByteBuffer buffer = encoder.encode(value);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | RuntimeException e) {
      throw new RecordCodecException("cannot encode " + type.getSimpleName(), e);
    }
  }

  @Override
  public T decode(byte[] bytes) {
    try {
      return decoders.get().decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new RecordCodecException(
          "cannot decode " + type.getSimpleName() + " (" + bytes.length + " bytes)", e);
    }
  }
}
