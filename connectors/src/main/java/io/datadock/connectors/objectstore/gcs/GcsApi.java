package io.datadock.connectors.objectstore.gcs;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.google.GoogleSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Cloud Storage JSON API ({@code /storage/v1}) calls a check and a scan make, in a {@link
 * GoogleSession} with the read-only storage scope.
 */
final class GcsApi {

  static final String SCOPE = "https://www.googleapis.com/auth/devstorage.read_only";

  private GcsApi() {}

  /** A session with the location's server. */
  static GoogleSession login(
      GcsLocation location, Credentials credentials, EgressGate gate, Deadline deadline)
      throws GoogleSession.Failed {
    return GoogleSession.open(
        "storage API", location.server(), location.port(), SCOPE, credentials, gate, deadline);
  }

  /** {@code buckets.get}. */
  static String bucket(GcsLocation location) {
    return "/storage/v1/b/" + encode(location.bucket());
  }

  /** {@code objects.list}: one page of {@code pageSize} objects under {@code prefix}. */
  static String objects(GcsLocation location, String prefix, String pageToken, int pageSize) {
    return bucket(location)
        + "/o?prefix="
        + encode(prefix)
        + "&maxResults="
        + pageSize
        + "&fields="
        + encode("items(name,size),nextPageToken")
        + (pageToken == null ? "" : "&pageToken=" + encode(pageToken));
  }

  /** {@code objects.get} with {@code alt=media}: the object's bytes. */
  static String media(GcsLocation location, String name) {
    return bucket(location) + "/o/" + encode(name) + "?alt=media";
  }

  /** Percent-encoding of a path segment or query value ("/" too, as object names need). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
