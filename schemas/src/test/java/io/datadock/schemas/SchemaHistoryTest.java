package io.datadock.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kept earlier version of a schema is still read by the current one, through the codec the
 * topics use: a record written before the schema evolved decodes, with the new fields at their
 * defaults.
 */
class SchemaHistoryTest {

  static Stream<Arguments> versions() {
    return SchemaHistory.evolved().stream()
        .sorted()
        .flatMap(name -> SchemaHistory.versionsOf(name).stream().map(v -> Arguments.of(name, v)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versions")
  void theCurrentSchemaReadsEachEarlierVersion(String fullName, Schema earlier) throws Exception {
    Class<?> type = Class.forName(fullName);
    Schema current = SpecificData.get().getSchema(type);

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, earlier).getType())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(earlier.getFullName()).isEqualTo(fullName);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versions")
  @SuppressWarnings("unchecked")
  void aRecordWrittenWithAnEarlierVersionDecodes(String fullName, Schema earlier) throws Exception {
    Class<? extends SpecificRecord> type =
        (Class<? extends SpecificRecord>) Class.forName(fullName);
    GenericRecord old = minimal(earlier);
    java.nio.ByteBuffer written =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), earlier).encode(old);
    byte[] bytes = new byte[written.remaining()];
    written.get(bytes);

    SpecificRecord read = AvroSingleObjectCodec.of(type).decode(bytes);

    assertThat(read.getSchema().getFullName()).isEqualTo(fullName);
    for (Schema.Field field : earlier.getFields()) {
      if (field.schema().getType() == Schema.Type.STRING) {
        assertThat(String.valueOf(read.get(read.getSchema().getField(field.name()).pos())))
            .as(field.name())
            .isEqualTo(String.valueOf(old.get(field.name())));
      }
    }
  }

  /**
   * The guard the history needs: a record written by any released schema decodes through the codec
   * the topics use. Avro's compatibility check alone passed for six schemas changed since 0.1.0
   * whose old fingerprints the codec did not know, so their 0.1.0 records could not be read.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.datadock.schemas.SchemaCompatibilityTest#released")
  @SuppressWarnings("unchecked")
  void aRecordWrittenByAReleasedSchemaDecodes(java.nio.file.Path file) throws Exception {
    Schema released = new Schema.Parser().parse(file.toFile());
    if (released.getType() != Schema.Type.RECORD) {
      return;
    }
    Class<? extends SpecificRecord> type =
        (Class<? extends SpecificRecord>) Class.forName(released.getFullName());
    java.nio.ByteBuffer written =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), released)
            .encode(minimal(released));
    byte[] bytes = new byte[written.remaining()];
    written.get(bytes);

    assertThat(AvroSingleObjectCodec.of(type).decode(bytes).getSchema().getFullName())
        .isEqualTo(released.getFullName());
  }

  /**
   * A record of {@code schema} with every field set: a string field holds its own name, a union its
   * null (or first) branch, a collection nothing, an enum its first symbol, a number 0.
   */
  private static GenericRecord minimal(Schema schema) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      record.put(field.name(), valueOf(field.schema(), field.name()));
    }
    return record;
  }

  private static Object valueOf(Schema schema, String name) {
    return switch (schema.getType()) {
      case STRING -> name;
      case LONG -> 0L;
      case INT -> 0;
      case DOUBLE -> 0.0;
      case FLOAT -> 0.0f;
      case BOOLEAN -> false;
      case BYTES -> java.nio.ByteBuffer.allocate(0);
      case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
      case ARRAY -> new GenericData.Array<>(0, schema);
      case MAP -> java.util.Map.of();
      case RECORD -> minimal(schema);
      case UNION -> schema.isNullable() ? null : valueOf(schema.getTypes().get(0), name);
      case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
      case NULL -> null;
    };
  }
}
