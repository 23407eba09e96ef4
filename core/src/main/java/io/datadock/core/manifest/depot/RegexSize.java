package io.datadock.core.manifest.depot;

/**
 * An upper bound of a regular expression's compiled size: each literal, class or escape counts one,
 * alternatives and sequences add up, and a counted repetition ({@code x{n}}, {@code x{n,m}}, {@code
 * x{n,}}) multiplies what it repeats by its largest count. RE2 expands counted repetitions while
 * compiling, so a short pattern with nested ones ({@code ((a{100}){100}){100}}) would compile into
 * millions of instructions; this catches it before RE2 does the work. It reads RE2 syntax loosely
 * (an unbalanced pattern still gets a number) and leaves syntax errors to RE2.
 */
final class RegexSize {

  private static final long CAP = 1L << 40;

  private final String regex;
  private int at;

  private RegexSize(String regex) {
    this.regex = regex;
  }

  static long estimate(String regex) {
    RegexSize size = new RegexSize(regex);
    long total = 0;
    while (size.at < size.regex.length()) {
      total = add(total, size.alternation());
      size.at++; // an unbalanced ')': RE2 refuses it later
    }
    return total;
  }

  /** Branches up to a closing parenthesis (not consumed) or the end. */
  private long alternation() {
    long total = 0;
    while (at < regex.length() && regex.charAt(at) != ')') {
      if (regex.charAt(at) == '|') {
        at++;
        continue;
      }
      long atom = atom();
      total = add(total, times(atom, repetitions()));
    }
    return total;
  }

  private long atom() {
    char c = regex.charAt(at++);
    return switch (c) {
      case '(' -> group();
      case '[' -> charClass();
      case '\\' -> escape();
      default -> 1;
    };
  }

  private long group() {
    if (at < regex.length() && regex.charAt(at) == '?') {
      at++;
      if (at < regex.length() && (regex.charAt(at) == 'P' || regex.charAt(at) == '<')) {
        skipPast('>');
      } else {
        while (at < regex.length() && regex.charAt(at) != ':' && regex.charAt(at) != ')') {
          at++;
        }
        if (at < regex.length() && regex.charAt(at) == ')') {
          at++;
          return 0; // (?i): flags only
        }
        at++;
      }
    }
    long inner = alternation();
    if (at < regex.length()) {
      at++; // ')'
    }
    return Math.max(inner, 1);
  }

  private long charClass() {
    if (at < regex.length() && regex.charAt(at) == '^') {
      at++;
    }
    if (at < regex.length() && regex.charAt(at) == ']') {
      at++;
    }
    while (at < regex.length() && regex.charAt(at) != ']') {
      if (regex.startsWith("[:", at)) {
        int end = regex.indexOf(":]", at + 2);
        at = end < 0 ? regex.length() : end + 2;
      } else if (regex.charAt(at) == '\\') {
        at++;
        escape();
      } else {
        at++;
      }
    }
    at++;
    return 1;
  }

  /** After a backslash. */
  private long escape() {
    if (at >= regex.length()) {
      return 1;
    }
    char c = regex.charAt(at++);
    if (c == 'Q') {
      int end = regex.indexOf("\\E", at);
      int literal = (end < 0 ? regex.length() : end) - at;
      at = end < 0 ? regex.length() : end + 2;
      return Math.max(literal, 1);
    }
    if ((c == 'p' || c == 'P' || c == 'x') && at < regex.length() && regex.charAt(at) == '{') {
      skipPast('}');
    }
    return 1;
  }

  /** The product of the counts of the repetition operators that follow. */
  private long repetitions() {
    long factor = 1;
    while (at < regex.length()) {
      char c = regex.charAt(at);
      if (c == '*' || c == '+' || c == '?') {
        at++;
      } else if (c == '{') {
        long count = count();
        if (count < 0) {
          return factor; // a literal '{', read as the next atom
        }
        factor = times(factor, Math.max(count, 1)); // x{0} still expands x first
      } else {
        return factor;
      }
    }
    return factor;
  }

  /** {@code {n}}, {@code {n,}} or {@code {n,m}}: the largest count (n+1 for n,); -1 otherwise. */
  private long count() {
    int close = regex.indexOf('}', at);
    if (close < 0) {
      return -1;
    }
    String body = regex.substring(at + 1, close);
    if (!body.matches("[0-9]{1,9}(,[0-9]{0,9})?")) {
      return -1;
    }
    at = close + 1;
    int comma = body.indexOf(',');
    if (comma < 0) {
      return Long.parseLong(body);
    }
    String max = body.substring(comma + 1);
    return max.isEmpty() ? Long.parseLong(body.substring(0, comma)) + 1 : Long.parseLong(max);
  }

  private void skipPast(char end) {
    int found = regex.indexOf(end, at);
    at = found < 0 ? regex.length() : found + 1;
  }

  private static long add(long a, long b) {
    return Math.min(a + b, CAP);
  }

  private static long times(long a, long b) {
    return a == 0 || b == 0 ? 0 : (a > CAP / b ? CAP : Math.min(a * b, CAP));
  }
}
