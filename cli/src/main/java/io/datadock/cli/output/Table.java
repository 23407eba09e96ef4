package io.datadock.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table laid out as dataos-ctl lays out its tables:
 *
 * <pre>
 *       NAME        | VERSION |  TYPE  | STATUS | RUNTIME |     OWNER
 * ------------------+---------+--------+--------+---------+----------------
 *  snowflake-cred   | v2alpha | secret | active |         | johndoetmdcio
 * </pre>
 *
 * Each column is its widest cell (header included) plus one space on each side; columns are
 * separated by {@code |}, and by {@code +} in the rule line; headers are centered (an odd space
 * goes to the right), cells left-aligned; trailing spaces are trimmed.
 */
public final class Table {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... headers) {
    this(List.of(headers));
  }

  public Table(List<String> headers) {
    this.headers = List.copyOf(headers);
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
    List<String> header = new ArrayList<>();
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      header.add(" " + center(headers.get(i), widths[i]) + " ");
      rule.add("-".repeat(widths[i] + 2));
    }
    sb.append(String.join("|", header).stripTrailing()).append('\n');
    sb.append(String.join("+", rule)).append('\n');
    for (List<String> row : rows) {
      sb.append(line(row, widths).stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /**
   * One more row laid out as {@link #render()} lays out the rows so far, without adding it, every
   * cell (the last one too) padded to its column's width, so that more text may follow it after a
   * {@code " | "} (a wider cell pushes the rest right).
   */
  public String align(String... cells) {
    List<String> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(cell == null ? "" : cell);
    }
    String line = line(row, widths());
    return line.substring(0, line.length() - 1);
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

  private static String line(List<String> cells, int[] widths) {
    List<String> padded = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      int width = i < widths.length ? widths[i] : cell.length();
      padded.add(" " + cell + " ".repeat(Math.max(0, width - cell.length())) + " ");
    }
    return String.join("|", padded);
  }

  /** {@code text} centered in {@code width}; an odd space goes to the right. */
  static String center(String text, int width) {
    int gap = Math.max(0, width - text.length());
    int left = gap / 2;
    return " ".repeat(left) + text + " ".repeat(gap - left);
  }
}
