package io.datadock.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table like dataos-ctl prints: a header line, a dashed separator, then the rows, each
 * column padded to its widest cell and separated by {@code " | "}.
 */
public final class Table {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  public Table row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "expected " + headers.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(cell == null ? "" : cell);
    }
    rows.add(row);
    return this;
  }

  public String render() {
    int[] widths = widths();
    StringBuilder sb = new StringBuilder();
    line(sb, headers, widths);
    List<String> dashes = new ArrayList<>();
    for (int w : widths) {
      dashes.add("-".repeat(w));
    }
    sb.append(String.join("-|-", dashes)).append('\n');
    for (List<String> row : rows) {
      line(sb, row, widths);
    }
    return sb.toString();
  }

  /**
   * One more row laid out as {@link #render()} lays out the rows so far, without adding it: every
   * cell, the last one too, padded to its column's width (a wider cell pushes the rest right).
   */
  public String align(String... cells) {
    int[] widths = widths();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i] == null ? "" : cells[i];
      if (i > 0) {
        line.append(" | ");
      }
      line.append(cell);
      if (i < widths.length) {
        line.append(" ".repeat(Math.max(0, widths[i] - cell.length())));
      }
    }
    return line.toString();
  }

  private int[] widths() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    return widths;
  }

  private static void line(StringBuilder sb, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(" | ");
      }
      line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }
}
