package io.datadock.core.udl;

import io.datadock.core.error.DatadockException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Uniform Data Link: {@code dataos://<depot>/<collection>/<dataset>}, the path following the
 * source's own hierarchy. The older form {@code dataos://<depot>:<collection>/<dataset>} means the
 * same. This is the one place UDLs are parsed and formatted.
 *
 * @param depot the depot's name
 * @param path the path segments below the depot (collection, then dataset; may be empty: the depot
 *     itself, or one segment: a collection)
 */
public record Udl(String depot, List<String> path) {

  public static final String SCHEME = "dataos://";

  private static final Pattern DEPOT = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  public Udl {
    path = List.copyOf(path);
  }

  public static Udl of(String depot, String collection, String dataset) {
    return new Udl(depot, List.of(collection, dataset));
  }

  /**
   * Parses either form.
   *
   * @throws DatadockException (MALFORMED, field {@code udl}) saying what is wrong
   */
  public static Udl parse(String text) {
    if (text == null || text.isBlank()) {
      throw malformed("a UDL is required, like dataos://<depot>/<collection>/<dataset>");
    }
    if (!text.startsWith(SCHEME)) {
      throw malformed("'" + shorten(text) + "' is not a UDL: it must start with " + SCHEME);
    }
    String rest = text.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String pathText = slash < 0 ? "" : rest.substring(slash + 1);
    List<String> path = new ArrayList<>();
    int colon = authority.indexOf(':');
    if (colon >= 0) {
      // v1 form: dataos://depot:collection/dataset
      String collection = authority.substring(colon + 1);
      authority = authority.substring(0, colon);
      if (collection.isEmpty()) {
        throw malformed("'" + shorten(text) + "' has an empty collection after ':'");
      }
      path.add(collection);
    }
    if (authority.isEmpty()) {
      throw malformed("'" + shorten(text) + "' names no depot: expected dataos://<depot>/...");
    }
    if (!DEPOT.matcher(authority).matches() || authority.length() > 48) {
      throw malformed("'" + shorten(authority) + "' is not a valid depot name");
    }
    if (!pathText.isEmpty()) {
      for (String segment : pathText.split("/", -1)) {
        if (segment.isEmpty()) {
          throw malformed("'" + shorten(text) + "' has an empty path segment");
        }
        path.add(segment);
      }
    } else if (slash >= 0 && colon < 0) {
      throw malformed("'" + shorten(text) + "' ends with '/': name a collection or leave it out");
    }
    return new Udl(authority, path);
  }

  public String collection() {
    return path.isEmpty() ? null : path.get(0);
  }

  /** The dataset: the last segment when there are two or more. */
  public String dataset() {
    return path.size() < 2 ? null : path.get(path.size() - 1);
  }

  @Override
  public String toString() {
    return SCHEME + depot + (path.isEmpty() ? "" : "/" + String.join("/", path));
  }

  private static DatadockException malformed(String message) {
    return new DatadockException(io.datadock.core.error.ErrorCode.MALFORMED, message, "udl");
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
