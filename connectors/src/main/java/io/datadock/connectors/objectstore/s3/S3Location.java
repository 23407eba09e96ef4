package io.datadock.connectors.objectstore.s3;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an S3 depot points: its {@code bucket}, the prefix under it ({@code relativePath}, with a
 * trailing "/" unless empty), its {@code region} (default {@value #DEFAULT_REGION}) and the
 * endpoint: the depot's {@code endpoint} (an S3-compatible store, addressed path-style), or AWS's
 * regional one, where the client addresses the bucket as a virtual host ({@link #host()}).
 */
public record S3Location(
    String bucket, String prefix, String region, URI endpoint, boolean custom) {

  static final String DEFAULT_REGION = "us-east-1";

  /**
   * @throws UnsafeConnectionField when a field is missing or not usable
   */
  public static S3Location of(SourceConnection connection) {
    String bucket = connection.string("bucket");
    if (bucket == null || bucket.isBlank()) {
      throw new UnsafeConnectionField("the connection has no 'bucket'");
    }
    String region = connection.string("region");
    region = region == null || region.isBlank() ? DEFAULT_REGION : region.trim();
    String endpoint = connection.string("endpoint");
    if (endpoint == null || endpoint.isBlank()) {
      return new S3Location(
          bucket,
          prefix(connection),
          region,
          URI.create("https://s3." + region + ".amazonaws.com"),
          false);
    }
    return new S3Location(bucket, prefix(connection), region, endpoint(endpoint), true);
  }

  /** The host the client connects to: the endpoint's, or the bucket's virtual host on AWS. */
  public String host() {
    return custom ? endpoint.getHost() : bucket + "." + endpoint.getHost();
  }

  public int port() {
    if (endpoint.getPort() > 0) {
      return endpoint.getPort();
    }
    return "http".equals(endpoint.getScheme()) ? 80 : 443;
  }

  /** {@code s3://bucket/prefix}, for messages. */
  public String describe() {
    return "s3://" + bucket + "/" + prefix;
  }

  private static String prefix(SourceConnection connection) {
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

  private static URI endpoint(String text) {
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
}
