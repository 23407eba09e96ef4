package io.datadock.cli.manifest;

import io.datadock.cli.CliException;
import java.util.Map;

/**
 * Replaces {@code ${VAR}} and {@code $VAR} with values from the environment, inserted verbatim
 * (never interpolated again). {@code $$} is a literal {@code $}; a {@code $} not followed by a name
 * is kept. An unset variable is an error naming it.
 */
public final class Interpolator {

  private final Map<String, String> env;

  public Interpolator(Map<String, String> env) {
    this.env = env;
  }

  public String interpolate(String text, String source) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          throw new CliException("unterminated ${ in " + source);
        }
        String name = text.substring(i + 2, end);
        if (!isName(name)) {
          throw new CliException("invalid variable name '${" + name + "}' in " + source);
        }
        out.append(value(name, source));
        i = end + 1;
      } else if (isNameStart(next)) {
        int end = i + 1;
        while (end < text.length() && isNamePart(text.charAt(end))) {
          end++;
        }
        out.append(value(text.substring(i + 1, end), source));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String value(String name, String source) {
    String value = env.get(name);
    if (value == null) {
      throw new CliException("environment variable " + name + " is not set (in " + source + ")");
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
