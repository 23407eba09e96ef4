package io.datadock.connectors.objectstore.s3;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.objectstore.LocationFields;
import io.datadock.connectors.objectstore.StoreLocation;
import java.net.URI;

/**
 * Where an S3 depot points: its {@code bucket}, the prefix under it ({@code relativePath}, with a
 * trailing "/" unless empty), its {@code region} (default {@value #DEFAULT_REGION}) and the
 * endpoint: the depot's {@code endpoint} (an S3-compatible store, addressed path-style), or AWS's
 * regional one, where the client addresses the bucket as a virtual host ({@link #host()}).
 */
public record S3Location(String bucket, String prefix, String region, URI endpoint, boolean custom)
    implements StoreLocation {

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
          LocationFields.prefix(connection),
          region,
          URI.create("https://s3." + region + ".amazonaws.com"),
          false);
    }
    return new S3Location(
        bucket, LocationFields.prefix(connection), region, LocationFields.endpoint(endpoint), true);
  }

  /** The host the client connects to: the endpoint's, or the bucket's virtual host on AWS. */
  @Override
  public String host() {
    return custom ? endpoint.getHost() : bucket + "." + endpoint.getHost();
  }

  @Override
  public int port() {
    return LocationFields.port(endpoint);
  }

  /** {@code s3://bucket/prefix}, for messages. */
  @Override
  public String describe() {
    return "s3://" + bucket + "/" + prefix;
  }
}
