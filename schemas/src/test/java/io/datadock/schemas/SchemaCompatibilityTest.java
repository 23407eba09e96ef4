package io.datadock.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build-time guard of schema evolution: every record schema must still read what the last
 * released schemas wrote (Avro's own compatibility checker). The released schemas are kept in
 * {@code src/test/resources/released/<version>/}; a release copies the current ones there. A schema
 * that is new since the release has nothing to be compatible with.
 */
class SchemaCompatibilityTest {

  static final Path RELEASED = Path.of("src/test/resources/released/0.1.0");

  static List<Path> released() throws IOException {
    try (Stream<Path> files = Files.list(RELEASED)) {
      return files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("released")
  void theCurrentSchemaReadsWhatTheReleasedOneWrote(Path file) throws Exception {
    Schema writer = new Schema.Parser().parse(file.toFile());
    Schema reader = SpecificData.get().getSchema(Class.forName(writer.getFullName()));

    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);

    assertThat(result.getType())
        .as(
            "%s is not backward compatible with release 0.1.0: %s",
            writer.getFullName(), result.getResult().getIncompatibilities())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @ParameterizedTest
  @MethodSource("released")
  void aRemovedFieldWithoutDefaultWouldBeCaught(Path file) throws Exception {
    // The check itself must be able to fail: a reader that requires a field the writer never
    // wrote (no default) is incompatible.
    Schema writer = new Schema.Parser().parse(file.toFile());
    if (writer.getType() != Schema.Type.RECORD) {
      return;
    }
    List<Schema.Field> fields =
        new java.util.ArrayList<>(
            writer.getFields().stream()
                .map(f -> new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal()))
                .toList());
    fields.add(new Schema.Field("addedWithoutDefault", Schema.create(Schema.Type.STRING)));
    Schema breaking =
        Schema.createRecord(writer.getName(), null, writer.getNamespace(), false, fields);

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(breaking, writer).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }
}
