package io.datadock.connectors.scan.file;

import io.datadock.connectors.scan.ColumnMeta;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a CSV file: the names of its header record (RFC 4180 quoting, comma separated, a
 * UTF-8 byte order mark dropped), each of type "string" and nullable.
 */
final class CsvHeader {

  /** A header longer than this is not a header. */
  private static final int MAX_CHARS = 1 << 20;

  private CsvHeader() {}

  static List<ColumnMeta> columns(Reader in) throws IOException {
    List<ColumnMeta> columns = new ArrayList<>();
    for (String name : names(in)) {
      columns.add(new ColumnMeta(name, "string", true, columns.size() + 1));
    }
    return columns;
  }

  static List<String> names(Reader in) throws IOException {
    List<String> names = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int c = in.read();
    if (c == '\uFEFF') {
      c = in.read();
    }
    for (int read = 0; c != -1; read++) {
      if (read > MAX_CHARS) {
        throw new IOException("no end of the header line within " + MAX_CHARS + " characters");
      }
      if (quoted) {
        if (c == '"') {
          c = in.read();
          if (c == '"') {
            field.append('"');
            c = in.read();
          } else {
            quoted = false; // c is the character after the closing quote
          }
        } else {
          field.append((char) c);
          c = in.read();
        }
        continue;
      }
      if (c == '\n') {
        break;
      }
      if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        names.add(field.toString());
        field.setLength(0);
      } else if (c != '\r') {
        field.append((char) c);
      }
      c = in.read();
    }
    if (quoted) {
      throw new IOException("unclosed quote in the header line");
    }
    if (!names.isEmpty() || !field.isEmpty()) {
      names.add(field.toString());
    }
    return names;
  }
}
