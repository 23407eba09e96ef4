package io.datadock.cli.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits YAML text into the parts that are comments and the parts that are not, line by line, so
 * that interpolation leaves comments alone. A comment starts at a {@code #} at the start of a line
 * or after whitespace, outside a quoted scalar, and runs to the end of the line; the lines of a
 * block scalar ({@code |} or {@code >}) are content, whatever they hold. Quotes open a scalar only
 * where a scalar starts (so the {@code '} of {@code John's} is a character); a double-quoted scalar
 * may span lines.
 */
final class YamlComments {

  /** A piece of the text: a comment or not, on its 1-based line. */
  record Part(String text, boolean comment, int line) {}

  private YamlComments() {}

  static List<Part> split(String text) {
    return new Scanner().split(text);
  }

  private static final class Scanner {

    private final List<Part> parts = new ArrayList<>();
    private char quote;
    private int blockParentIndent = -1;

    List<Part> split(String text) {
      int line = 1;
      int start = 0;
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end + 1;
        line(text.substring(start, end), line++);
        start = end;
      }
      return parts;
    }

    private void line(String text, int line) {
      int indent = indent(text);
      if (blockParentIndent >= 0) {
        if (text.isBlank() || indent > blockParentIndent) {
          parts.add(new Part(text, false, line));
          return;
        }
        blockParentIndent = -1;
      }
      boolean scalarStart = quote == 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quote == '"') {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            quote = 0;
          }
        } else if (quote == '\'') {
          if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i++;
          } else if (c == '\'') {
            quote = 0;
          }
        } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
          content(text.substring(0, i), line, indent);
          parts.add(new Part(text.substring(i), true, line));
          return;
        } else if ((c == '"' || c == '\'') && scalarStart) {
          quote = c;
        } else if (!Character.isWhitespace(c)) {
          scalarStart = opensScalar(text, i);
        }
      }
      content(text, line, indent);
    }

    /** Whether a scalar may start after the character at {@code i}: {@code : - [ { , ?}. */
    private static boolean opensScalar(String text, int i) {
      char c = text.charAt(i);
      boolean followedBySpace =
          i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
      return switch (c) {
        case '[', '{', ',' -> true;
        case ':', '-', '?' -> followedBySpace;
        default -> false;
      };
    }

    /** The part of a line before any comment; a trailing {@code |} or {@code >} opens a block. */
    private void content(String text, int line, int indent) {
      if (!text.isEmpty()) {
        parts.add(new Part(text, false, line));
      }
      if (quote == 0 && opensBlock(text.strip())) {
        blockParentIndent = indent;
      }
    }

    private static boolean opensBlock(String content) {
      int i = content.length() - 1;
      while (i >= 0
          && (Character.isDigit(content.charAt(i)) || "+-".indexOf(content.charAt(i)) >= 0)) {
        i--;
      }
      if (i < 0 || (content.charAt(i) != '|' && content.charAt(i) != '>')) {
        return false;
      }
      return i == 0 || Character.isWhitespace(content.charAt(i - 1));
    }

    private static int indent(String text) {
      int i = 0;
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      return i;
    }
  }
}
