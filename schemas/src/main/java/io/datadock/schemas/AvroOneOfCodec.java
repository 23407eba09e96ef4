package io.datadock.schemas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Several record types on one topic, told apart by the schema fingerprint that single-object
 * encoding puts in front of every record. Each type is written exactly as {@link
 * AvroSingleObjectCodec} writes it alone, so records written when the topic held one type still
 * read, and a reader of one type sees the others as records it does not know.
 */
public final class AvroOneOfCodec implements RecordCodec<SpecificRecord> {

  private static final int HEADER = 10; // marker C3 01, then the 8-byte fingerprint

  private final Map<Class<?>, AvroSingleObjectCodec<?>> byType = new LinkedHashMap<>();
  private final Map<Long, AvroSingleObjectCodec<?>> byFingerprint = new HashMap<>();

  private AvroOneOfCodec(List<AvroSingleObjectCodec<?>> codecs) {
    for (AvroSingleObjectCodec<?> codec : codecs) {
      byType.put(codec.type(), codec);
      codec.fingerprints().forEach(fingerprint -> byFingerprint.put(fingerprint, codec));
    }
  }

  @SafeVarargs
  public static AvroOneOfCodec of(Class<? extends SpecificRecord>... types) {
    return new AvroOneOfCodec(
        Arrays.stream(types).<AvroSingleObjectCodec<?>>map(AvroSingleObjectCodec::of).toList());
  }

  @Override
  public List<Class<?>> recordTypes() {
    return List.copyOf(byType.keySet());
  }

  @Override
  public byte[] encode(SpecificRecord value) {
    return codecFor(value).encode(value);
  }

  @Override
  public SpecificRecord decode(byte[] bytes) {
    if (bytes.length < HEADER || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
      throw new RecordCodecException(
          "not an Avro single-object record (" + bytes.length + " bytes)", null);
    }
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    AvroSingleObjectCodec<?> codec = byFingerprint.get(fingerprint);
    if (codec == null) {
      throw new RecordCodecException(
          "unknown schema fingerprint " + Long.toHexString(fingerprint) + " for " + types(), null);
    }
    return codec.decode(bytes);
  }

  @SuppressWarnings("unchecked") // byType maps each class to the codec of that very class
  private AvroSingleObjectCodec<SpecificRecord> codecFor(SpecificRecord value) {
    AvroSingleObjectCodec<?> codec = byType.get(value.getClass());
    if (codec == null) {
      throw new RecordCodecException(
          "cannot encode " + value.getClass().getSimpleName() + " as one of " + types(), null);
    }
    return (AvroSingleObjectCodec<SpecificRecord>) codec;
  }

  private List<String> types() {
    return byType.keySet().stream().map(Class::getSimpleName).sorted().toList();
  }
}
