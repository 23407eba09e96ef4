package io.datadock.cli.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The golden files: {@code golden/dataos/} holds DATAOS-CLI.md's transcripts verbatim, {@code
 * golden/} what datadock prints for the same data. They may differ only where DATAOS-CLI.md says
 * they may: the elapsed seconds ({@code INFO[0004]}), the banner of a listing ({@code resource get}
 * in some samples, {@code get} in others: datadock prints {@code get}) and the widths of the
 * columns trimmed by hand in the samples; {@link #comparable} makes those equal and leaves the rest
 * (every other column byte for byte, the leading space, the separators) as it is.
 */
public final class Transcripts {

  private Transcripts() {}

  public static String golden(String name) {
    try (InputStream in = Transcripts.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Output with every elapsed-seconds stamp as {@code [0000]}, as the golden files have them. */
  public static String masked(String output) {
    return output.replaceAll("(?m)^(INFO|ERROR)\\[\\d{4}\\]", "$1[0000]");
  }

  /**
   * The transcript with the elapsed seconds masked, the listing banner as datadock prints it, and
   * the columns named in {@code free} reduced to their cells without padding (a data cell keeps its
   * leading space) and to {@code -} in the rule.
   */
  public static String comparable(String transcript, Set<String> free) {
    List<String> lines =
        new ArrayList<>(
            masked(transcript).replace("🔍 resource get...", "🔍 get...").lines().toList());
    int rule = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("-+(\\+-+)+")) {
        rule = i;
      }
    }
    if (rule < 1) {
      return String.join("\n", lines) + "\n";
    }
    String ruleLine = lines.get(rule);
    List<Integer> bounds = new ArrayList<>();
    for (int i = 0; i < ruleLine.length(); i++) {
      if (ruleLine.charAt(i) == '+') {
        bounds.add(i);
      }
    }
    List<String> names = segments(lines.get(rule - 1), ruleLine.length(), bounds, '|');
    for (int i = rule - 1; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      boolean isRule = i == rule;
      List<String> cells = segments(lines.get(i), ruleLine.length(), bounds, isRule ? '+' : '|');
      for (int c = 0; c < cells.size(); c++) {
        if (free.contains(names.get(c).trim())) {
          // a header is centered, a cell left-aligned after one space: only the padding goes
          String cell = cells.get(c);
          cells.set(c, isRule ? "-" : i == rule - 1 ? cell.trim() : cell.stripTrailing());
        }
      }
      lines.set(i, String.join(isRule ? "+" : "|", cells).stripTrailing());
    }
    return String.join("\n", lines) + "\n";
  }

  private static List<String> segments(String line, int width, List<Integer> bounds, char sep) {
    String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
    List<String> cells = new ArrayList<>();
    int start = 0;
    for (int bound : bounds) {
      if (padded.charAt(bound) != sep) {
        throw new AssertionError("no '" + sep + "' at column " + bound + " of: " + line);
      }
      cells.add(padded.substring(start, bound));
      start = bound + 1;
    }
    cells.add(padded.substring(start));
    return cells;
  }
}
