package io.datadock.cli.manifest;

import io.datadock.cli.CliException;
import java.util.Map;

/**
 * Replaces environment variables in a manifest's text before it is parsed, outside YAML comments
 * only. Values are inserted verbatim (never interpolated again).
 *
 * <ul>
 *   <li>{@code ${NAME}}, NAME a POSIX name ({@code [A-Za-z_][A-Za-z0-9_]*}): its value; unset, an
 *       error naming it and its line.
 *   <li>{@code $NAME}: its value when set; unset, it stays as written ({@code pa$word} is a
 *       password, not a variable).
 *   <li>{@code ${{...}}}, the DataOS guides' fill-me-in placeholder: an error naming it and its
 *       line ({@code fill in ${{secret-name}} at line 1 of m.yaml}).
 *   <li>{@code $$}: a literal {@code $}. Any other {@code $} stays as written ({@code
 *       ${postgres-depot-name}}, {@code $5}, a lone {@code $}).
 * </ul>
 */
public final class Interpolator {

  private final Map<String, String> env;

  public Interpolator(Map<String, String> env) {
    this.env = env;
  }

  public String interpolate(String text, String source) {
    StringBuilder out = new StringBuilder(text.length());
    for (YamlComments.Part part : YamlComments.split(text)) {
      if (part.comment()) {
        out.append(part.text());
      } else {
        substitute(part.text(), part.line(), source, out);
      }
    }
    return out.toString();
  }

  private void substitute(String text, int line, String source, StringBuilder out) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c != '$') {
        out.append(c);
        i++;
      } else if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{' && i + 2 < text.length() && text.charAt(i + 2) == '{') {
        throw new CliException(
            "fill in " + placeholder(text, i) + " at line " + line + " of " + source);
      } else if (next == '{') {
        int end = text.indexOf('}', i + 2);
        String name = end < 0 ? "" : text.substring(i + 2, end);
        if (isName(name)) {
          out.append(required(name, line, source));
          i = end + 1;
        } else {
          out.append(c);
          i++;
        }
      } else if (isNameStart(next)) {
        int end = i + 1;
        while (end < text.length() && isNamePart(text.charAt(end))) {
          end++;
        }
        String value = env.get(text.substring(i + 1, end));
        out.append(value != null ? value : text.substring(i, end));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
  }

  /** {@code ${{...}}} as written, up to its {@code }}} or the end of the line. */
  private static String placeholder(String text, int start) {
    int close = text.indexOf("}}", start + 3);
    int end = close < 0 ? text.length() : close + 2;
    return text.substring(start, end).stripTrailing();
  }

  private String required(String name, int line, String source) {
    String value = env.get(name);
    if (value == null) {
      throw new CliException(
          "environment variable " + name + " is not set (line " + line + " of " + source + ")");
    }
    return value;
  }

  private static boolean isName(String s) {
    if (s.isEmpty() || !isNameStart(s.charAt(0))) {
      return false;
    }
    return s.chars().allMatch(ch -> isNamePart((char) ch));
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
