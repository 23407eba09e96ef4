package io.datadock.local.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the documentation checks read from one Markdown file, as GitHub renders it: the anchors its
 * headings make, its links, and the inline code spans of its prose. Fenced code blocks hold neither
 * links nor names.
 */
final class Markdown {

  /** A link's target as written ({@code ../docs/api.md#errors}) and the line it is on. */
  record Link(String target, int line) {}

  /** A code span's text ({@code TopicTail.sync}), its line, and whether it opens a list item. */
  record CodeSpan(String text, int line, boolean listItemLabel) {}

  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```+|~~~+)");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?");
  private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?([^\\s>]+)");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern LIST_LABEL = Pattern.compile("^\\s*(?:[-*+]|\\d+\\.)\\s+`([^`]+)`:");

  private final Set<String> anchors = new LinkedHashSet<>();
  private final List<Link> links = new ArrayList<>();
  private final List<CodeSpan> codeSpans = new ArrayList<>();

  Markdown(String text) {
    Map<String, Integer> seen = new HashMap<>();
    String fence = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher f = FENCE.matcher(line);
      if (f.find()) {
        String marker = f.group(1);
        if (fence == null) {
          fence = marker;
        } else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
          fence = null;
        }
        continue;
      }
      if (fence != null) {
        continue;
      }
      read(line, i + 1, seen);
    }
  }

  private void read(String line, int number, Map<String, Integer> seen) {
    Matcher heading = HEADING.matcher(line);
    if (heading.matches()) {
      String slug = slug(heading.group(2));
      int n = seen.merge(slug, 1, Integer::sum);
      anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
    }
    Matcher html = HTML_ANCHOR.matcher(line);
    while (html.find()) {
      anchors.add(html.group(1));
    }
    Matcher label = LIST_LABEL.matcher(line);
    String listLabel = label.find() ? label.group(1) : null;
    Matcher span = CODE_SPAN.matcher(line);
    StringBuilder prose = new StringBuilder();
    int last = 0;
    boolean first = true;
    while (span.find()) {
      String code = span.group(2).strip();
      codeSpans.add(new CodeSpan(code, number, first && code.equals(listLabel)));
      first = false;
      prose.append(line, last, span.start()).append(' ');
      last = span.end();
    }
    prose.append(line.substring(last));
    Matcher inline = INLINE_LINK.matcher(prose);
    while (inline.find()) {
      links.add(new Link(inline.group(1), number));
    }
    Matcher reference = REFERENCE.matcher(prose);
    if (reference.find()) {
      links.add(new Link(reference.group(1), number));
    }
  }

  /**
   * The anchor GitHub gives a heading: its text as rendered (no link targets, no emphasis marks),
   * lower case, without punctuation other than hyphens and underscores, spaces made hyphens.
   */
  static String slug(String heading) {
    String text =
        heading
            .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
            .replaceAll("<[^>]+>", "")
            .replace("*", "")
            .toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c == ' ') {
                out.append('-');
              } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  Set<String> anchors() {
    return anchors;
  }

  List<Link> links() {
    return links;
  }

  List<CodeSpan> codeSpans() {
    return codeSpans;
  }
}
