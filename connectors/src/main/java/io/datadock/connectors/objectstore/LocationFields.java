package io.datadock.connectors.objectstore;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The connection fields every object store reads the same way: the prefix under the container
 * ({@code relativePath}) and an {@code endpoint} override (an emulator or a compatible store).
 */
public final class LocationFields {

  private LocationFields() {}

  /** {@code relativePath} without leading "/" and with a trailing "/" unless empty. */
  public static String prefix(SourceConnection connection) {
    String path = connection.string("relativePath");
    if (path == null) {
      return "";
    }
    String trimmed = path.strip();
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
  }

  /**
   * An {@code endpoint}: scheme, host and port only.
   *
   * @throws UnsafeConnectionField naming the field, never quoting the value
   */
  public static URI endpoint(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new UnsafeConnectionField("endpoint is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new UnsafeConnectionField("endpoint must be an http:// or https:// URL");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      throw new UnsafeConnectionField("endpoint must name a host (and no user)");
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
        || uri.getQuery() != null) {
      throw new UnsafeConnectionField("endpoint must be a scheme, host and port only");
    }
    return uri;
  }

  /** The endpoint's port, or its scheme's. */
  public static int port(URI endpoint) {
    if (endpoint.getPort() > 0) {
      return endpoint.getPort();
    }
    return "http".equals(endpoint.getScheme()) ? 80 : 443;
  }
}
