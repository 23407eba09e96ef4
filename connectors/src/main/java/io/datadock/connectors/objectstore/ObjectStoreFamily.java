package io.datadock.connectors.objectstore;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.connectors.objectstore.azure.AzureCheck;
import io.datadock.connectors.objectstore.azure.AzureLocation;
import io.datadock.connectors.objectstore.azure.AzureScanner;
import io.datadock.connectors.objectstore.gcs.GcsCheck;
import io.datadock.connectors.objectstore.gcs.GcsLocation;
import io.datadock.connectors.objectstore.gcs.GcsScanner;
import io.datadock.connectors.objectstore.s3.S3Check;
import io.datadock.connectors.objectstore.s3.S3Location;
import io.datadock.connectors.objectstore.s3.S3Scanner;
import io.datadock.connectors.scan.objectstore.ObjectStoreScanner;
import io.datadock.core.manifest.depot.SourceType;
import java.util.List;

/**
 * Object stores, through each vendor's SDK with the egress policy inside its HTTP client: S3 and
 * S3-compatible stores ({@link S3Check}, {@link S3Scanner}), going to the depot's endpoint or the
 * bucket's host on AWS; abfss and wasbs containers ({@link AzureCheck}, {@link AzureScanner}),
 * going to the account's Blob endpoint or the depot's endpoint; GCS buckets through the JSON API
 * ({@link GcsCheck}, {@link GcsScanner}), going to the depot's endpoint or Google's (the service
 * account's token endpoint is decided by the egress gate when the check logs in).
 */
public final class ObjectStoreFamily implements SourceFamily {

  private final int objectBudget;

  /** Listings bounded by the default budget. */
  public ObjectStoreFamily() {
    this(ObjectStoreScanner.DEFAULT_OBJECT_BUDGET);
  }

  /** Listings bounded by {@code objectBudget} objects a depot. */
  public ObjectStoreFamily(int objectBudget) {
    this.objectBudget = objectBudget;
  }

  @Override
  public String name() {
    return "object store";
  }

  @Override
  public List<SourceSupport> serves() {
    return List.of(
        new SourceSupport(
            SourceType.S3,
            new S3Check(),
            new S3Scanner(objectBudget),
            ObjectStoreFamily::s3Destinations),
        azure(SourceType.ABFSS),
        azure(SourceType.WASBS),
        new SourceSupport(
            SourceType.GCS,
            new GcsCheck(),
            new GcsScanner(objectBudget),
            ObjectStoreFamily::gcsDestinations));
  }

  /** The JSON API's host and port; none when the connection is not usable. */
  static List<Destination> gcsDestinations(SourceConnection connection) {
    try {
      GcsLocation location = GcsLocation.of(connection);
      return List.of(new Destination.Endpoint(location.host(), location.port()));
    } catch (UnsafeConnectionField e) {
      return List.of();
    }
  }

  private SourceSupport azure(SourceType type) {
    return new SourceSupport(
        type,
        new AzureCheck(type),
        new AzureScanner(type, objectBudget),
        connection -> azureDestinations(type, connection));
  }

  /** The Blob service's host and port; none when the connection is not usable. */
  static List<Destination> azureDestinations(SourceType type, SourceConnection connection) {
    try {
      AzureLocation location = AzureLocation.of(type, connection);
      return List.of(new Destination.Endpoint(location.host(), location.port()));
    } catch (UnsafeConnectionField e) {
      return List.of();
    }
  }

  /** The endpoint's host and port; none when the connection is not usable (the check says why). */
  static List<Destination> s3Destinations(SourceConnection connection) {
    try {
      S3Location location = S3Location.of(connection);
      return List.of(new Destination.Endpoint(location.host(), location.port()));
    } catch (UnsafeConnectionField e) {
      return List.of();
    }
  }
}
