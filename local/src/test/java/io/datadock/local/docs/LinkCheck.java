package io.datadock.local.docs;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Relative links in the repository's Markdown files: each must name a file or directory inside the
 * repository (a clone has nothing outside it) and, when it names a heading of a Markdown file
 * ({@code docs/api.md#errors}), a heading that file has. Links with a scheme (https:, mailto:) are
 * not followed.
 */
final class LinkCheck {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private final Path root;
  private final Map<Path, Markdown> parsed = new HashMap<>();

  LinkCheck(Path root) {
    this.root = root;
  }

  /** Every broken link of these files (relative to the root), as {@code file:line: why}. */
  List<String> broken(List<Path> files) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path file : files) {
      for (Markdown.Link link : markdown(root.resolve(file)).links()) {
        String problem = problem(file, link.target());
        if (problem != null) {
          out.add(file + ":" + link.line() + ": " + link.target() + " " + problem);
        }
      }
    }
    return out;
  }

  private String problem(Path file, String target) throws IOException {
    if (SCHEME.matcher(target).find() || target.startsWith("//")) {
      return null;
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = resolve(file, URLDecoder.decode(path, StandardCharsets.UTF_8));
    if (!resolved.startsWith(root)) {
      return "points outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "names no file";
    }
    if (anchor == null || anchor.isEmpty() || !resolved.toString().endsWith(".md")) {
      return null;
    }
    return markdown(resolved).anchors().contains(anchor)
        ? null
        : "names no heading of " + root.relativize(resolved);
  }

  private Path resolve(Path file, String path) {
    if (path.isEmpty()) {
      return root.resolve(file);
    }
    Path base = path.startsWith("/") ? root : root.resolve(file).getParent();
    return base.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
  }

  private Markdown markdown(Path file) throws IOException {
    Markdown md = parsed.get(file);
    if (md == null) {
      md = new Markdown(Files.readString(file));
      parsed.put(file, md);
    }
    return md;
  }
}
