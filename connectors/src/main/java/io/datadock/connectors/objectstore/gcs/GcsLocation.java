package io.datadock.connectors.objectstore.gcs;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.objectstore.LocationFields;
import io.datadock.connectors.objectstore.StoreLocation;
import java.net.URI;

/**
 * Where a GCS depot points: its {@code bucket}, the prefix under it ({@code relativePath}, with a
 * trailing "/" unless empty) and the JSON API's server: the depot's {@code endpoint} (a server for
 * the same API, such as a test's), or {@value #DEFAULT_ENDPOINT}.
 */
public record GcsLocation(String bucket, String prefix, URI endpoint) implements StoreLocation {

  static final String DEFAULT_ENDPOINT = "https://storage.googleapis.com";

  /**
   * @throws UnsafeConnectionField when a field is missing or not usable
   */
  public static GcsLocation of(SourceConnection connection) {
    String bucket = connection.string("bucket");
    if (bucket == null || bucket.isBlank()) {
      throw new UnsafeConnectionField("the connection has no 'bucket'");
    }
    String endpoint = connection.string("endpoint");
    return new GcsLocation(
        bucket.trim(),
        LocationFields.prefix(connection),
        LocationFields.endpoint(
            endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint));
  }

  @Override
  public String host() {
    return endpoint.getHost();
  }

  @Override
  public int port() {
    return LocationFields.port(endpoint);
  }

  /** {@code scheme://host:port}, the REST client's server. */
  String server() {
    String host = host().contains(":") && !host().startsWith("[") ? "[" + host() + "]" : host();
    return endpoint.getScheme() + "://" + host + ":" + port();
  }

  /** {@code gs://bucket/prefix}, for messages. */
  @Override
  public String describe() {
    return "gs://" + bucket + "/" + prefix;
  }
}
