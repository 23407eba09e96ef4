package io.datadock.connectors.scan.file;

import io.datadock.connectors.scan.ColumnMeta;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * The schema of a Parquet file from its footer alone (the file's last 8 bytes are the footer's
 * length, little-endian, and "PAR1"), read with parquet-format-structures, no Hadoop. Columns are
 * the top-level fields; the type is the physical type (or "group") with the logical type in
 * brackets, e.g. "BYTE_ARRAY (STRING)", "INT32 (DECIMAL(9,2))"; OPTIONAL fields are nullable.
 */
final class ParquetFooter {

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTED = "PARE".getBytes(StandardCharsets.US_ASCII);

  /** Bytes read from a file's end at first: a typical footer fits. */
  static final int TAIL = 64 * 1024;

  /** What the footer says. */
  record Schema(List<ColumnMeta> columns, long rows) {}

  private ParquetFooter() {}

  static Schema read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(
          new ByteRanges() {
            @Override
            public long size() throws IOException {
              return channel.size();
            }

            @Override
            public byte[] read(long position, int length) throws IOException {
              return readFully(channel, position, length).array();
            }
          });
    }
  }

  /**
   * From the file's last {@value #TAIL} bytes, in one read when the footer fits in them (an object
   * store's round trip each), else the footer in a second one.
   */
  static Schema read(ByteRanges file) throws IOException {
    long size = file.size();
    if (size < 12) {
      throw new IOException("not a Parquet file (" + size + " bytes)");
    }
    int tailLength = (int) Math.min(size, TAIL);
    byte[] tail = file.read(size - tailLength, tailLength);
    if (tail.length != tailLength) {
      throw new EOFException("file ended inside its Parquet footer");
    }
    ByteBuffer end =
        ByteBuffer.wrap(tail, tailLength - 8, 8).slice().order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[4];
    end.get(4, magic);
    if (java.util.Arrays.equals(magic, ENCRYPTED)) {
      throw new IOException("encrypted Parquet footers are not read");
    }
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new IOException("not a Parquet file (no PAR1 at its end)");
    }
    int length = end.getInt(0);
    if (length <= 0 || length > size - 12) {
      throw new IOException("not a Parquet file (footer length " + length + ")");
    }
    byte[] footer =
        length <= tailLength - 8
            ? java.util.Arrays.copyOfRange(tail, tailLength - 8 - length, tailLength - 8)
            : file.read(size - 8 - length, length);
    FileMetaData metaData = Util.readFileMetaData(new ByteArrayInputStream(footer));
    return new Schema(columns(metaData.getSchema()), metaData.getNum_rows());
  }

  /** The top-level fields: the root's children, each subtree skipped as a whole. */
  static List<ColumnMeta> columns(List<SchemaElement> schema) {
    List<ColumnMeta> columns = new ArrayList<>();
    if (schema == null || schema.isEmpty()) {
      return columns;
    }
    int children = schema.get(0).isSetNum_children() ? schema.get(0).getNum_children() : 0;
    int index = 1;
    for (int child = 0; child < children && index < schema.size(); child++) {
      SchemaElement field = schema.get(index);
      columns.add(
          new ColumnMeta(
              field.getName(),
              typeName(field),
              field.getRepetition_type() == FieldRepetitionType.OPTIONAL,
              columns.size() + 1));
      index = afterSubtree(schema, index);
    }
    return columns;
  }

  static String typeName(SchemaElement field) {
    String physical;
    if (!field.isSetType()) {
      physical = "group";
    } else if (field.getType() == Type.FIXED_LEN_BYTE_ARRAY && field.isSetType_length()) {
      physical = "FIXED_LEN_BYTE_ARRAY(" + field.getType_length() + ")";
    } else {
      physical = field.getType().name();
    }
    String logical = null;
    if (field.isSetLogicalType()) {
      logical = logicalName(field.getLogicalType());
    } else if (field.isSetConverted_type()) {
      logical = field.getConverted_type().name();
    }
    return logical == null ? physical : physical + " (" + logical + ")";
  }

  private static String logicalName(LogicalType logical) {
    if (logical.isSetDECIMAL()) {
      return "DECIMAL("
          + logical.getDECIMAL().getPrecision()
          + ","
          + logical.getDECIMAL().getScale()
          + ")";
    }
    return logical.getSetField().getFieldName();
  }

  private static int afterSubtree(List<SchemaElement> schema, int index) {
    SchemaElement element = schema.get(index);
    int next = index + 1;
    int children = element.isSetNum_children() ? element.getNum_children() : 0;
    for (int child = 0; child < children && next < schema.size(); child++) {
      next = afterSubtree(schema, next);
    }
    return next;
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("file ended inside its Parquet footer");
      }
    }
    return buffer.flip();
  }
}
