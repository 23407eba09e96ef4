package io.datadock.connectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * Valid Parquet files without row groups, written by hand: "PAR1", the Thrift footer, its length
 * little-endian, "PAR1", optionally after filler bytes standing for column data.
 */
public final class TestParquet {

  private TestParquet() {}

  /**
   * id INT64, name STRING, amount DECIMAL(9,2), address {street, zip}, tag repeated UTF8; 42 rows.
   * The nested group shows only top-level fields count.
   */
  public static byte[] ordersFile() throws IOException {
    return file(0, 42);
  }

  /** The same schema after {@code dataBytes} of filler, stating {@code rows} rows. */
  public static byte[] file(int dataBytes, long rows) throws IOException {
    List<SchemaElement> schema =
        List.of(
            new SchemaElement("schema").setNum_children(5),
            new SchemaElement("id")
                .setType(Type.INT64)
                .setRepetition_type(FieldRepetitionType.REQUIRED),
            new SchemaElement("name")
                .setType(Type.BYTE_ARRAY)
                .setRepetition_type(FieldRepetitionType.OPTIONAL)
                .setLogicalType(LogicalType.STRING(new StringType())),
            new SchemaElement("amount")
                .setType(Type.INT32)
                .setRepetition_type(FieldRepetitionType.OPTIONAL)
                .setLogicalType(LogicalType.DECIMAL(new DecimalType().setScale(2).setPrecision(9))),
            new SchemaElement("address")
                .setRepetition_type(FieldRepetitionType.OPTIONAL)
                .setNum_children(2),
            new SchemaElement("street")
                .setType(Type.BYTE_ARRAY)
                .setRepetition_type(FieldRepetitionType.OPTIONAL),
            new SchemaElement("zip")
                .setType(Type.INT32)
                .setRepetition_type(FieldRepetitionType.OPTIONAL),
            new SchemaElement("tag")
                .setType(Type.BYTE_ARRAY)
                .setRepetition_type(FieldRepetitionType.REPEATED)
                .setConverted_type(org.apache.parquet.format.ConvertedType.UTF8));
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(new FileMetaData(1, schema, rows, List.of()), footer);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write("PAR1".getBytes(StandardCharsets.US_ASCII));
    file.write(new byte[dataBytes]);
    footer.writeTo(file);
    file.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
    file.write("PAR1".getBytes(StandardCharsets.US_ASCII));
    return file.toByteArray();
  }
}
