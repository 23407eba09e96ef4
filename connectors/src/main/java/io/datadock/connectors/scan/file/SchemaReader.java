package io.datadock.connectors.scan.file;

import io.datadock.connectors.file.FileFormats;
import io.datadock.connectors.scan.ColumnMeta;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The columns of one file of a known format, read by ranges ({@link ByteRanges}): a Parquet footer
 * ({@link ParquetFooter}), or the CSV header ({@link CsvHeader}) or JSON keys ({@link JsonKeys}) of
 * the file's first {@value #TEXT_PREFIX} bytes. For files that are not on this machine: object
 * stores.
 */
public final class SchemaReader {

  /** How much of a text file is read: its header, or enough objects for the JSON sample. */
  public static final int TEXT_PREFIX = 256 * 1024;

  /**
   * @param rows the row count a Parquet footer states; null for text files
   */
  public record Schema(List<ColumnMeta> columns, Long rows) {}

  private SchemaReader() {}

  /**
   * @param fileName the file's name, for its compression ({@code .gz})
   * @param format {@code csv}, {@code json} or {@code parquet} ({@link FileFormats})
   */
  public static Schema read(String fileName, String format, ByteRanges file) throws IOException {
    if (format.equals("parquet")) {
      ParquetFooter.Schema footer = ParquetFooter.read(file);
      return new Schema(footer.columns(), footer.rows());
    }
    byte[] prefix = file.read(0, (int) Math.min(file.size(), TEXT_PREFIX));
    InputStream in = new ByteArrayInputStream(prefix);
    if (FileFormats.gzipped(fileName)) {
      in = new GZIPInputStream(in);
    }
    try (Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return new Schema(
          format.equals("csv") ? CsvHeader.columns(text) : JsonKeys.columns(text), null);
    }
  }
}
