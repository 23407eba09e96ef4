package io.datadock.connectors.scan.file;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.file.FileFormats;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** One file as a dataset: its columns by format, and format, path and compression as properties. */
final class FileSchemas {

  private FileSchemas() {}

  static DatasetMeta read(Path file, String collection, String format) throws IOException {
    String name = file.getFileName().toString();
    boolean gzipped = FileFormats.gzipped(name);
    List<ColumnMeta> columns;
    Long rows = null;
    if (format.equals("parquet")) {
      ParquetFooter.Schema schema = ParquetFooter.read(file);
      columns = schema.columns();
      rows = schema.rows();
    } else {
      try (Reader text = text(file, gzipped)) {
        columns = format.equals("csv") ? CsvHeader.columns(text) : JsonKeys.columns(text);
      }
    }
    return new DatasetMeta(
        collection,
        name,
        DatasetKind.FILE,
        columns,
        List.of(),
        rows,
        null,
        properties(file, format));
  }

  /** The file as a dataset whose schema could not be read. */
  static DatasetMeta withoutColumns(Path file, String collection, String format) {
    return new DatasetMeta(
        collection,
        file.getFileName().toString(),
        DatasetKind.FILE,
        List.of(),
        List.of(),
        null,
        null,
        properties(file, format));
  }

  private static Map<String, String> properties(Path file, String format) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("format", format);
    properties.put("path", file.toAbsolutePath().toString());
    if (FileFormats.gzipped(file.getFileName().toString())) {
      properties.put("compression", "gzip");
    }
    return properties;
  }

  /** Why a file or folder could not be read, short. */
  static String reason(IOException error) {
    if (error instanceof NoSuchFileException) {
      return "no such file";
    }
    if (error instanceof AccessDeniedException) {
      return "permission denied";
    }
    return SafeMessages.of(error, Credentials.none());
  }

  private static Reader text(Path file, boolean gzipped) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      InputStream plain = gzipped ? new GZIPInputStream(in) : in;
      return new BufferedReader(new InputStreamReader(plain, StandardCharsets.UTF_8));
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }
}
