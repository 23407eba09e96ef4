package io.datadock.connectors.objectstore.gcs;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.http.EgressRestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Cloud Storage JSON API ({@code /storage/v1}) calls a check and a scan make, logged in as a
 * service account: its token from {@link TokenGrant} with the read-only storage scope, sent as
 * {@code Authorization: Bearer}.
 */
final class GcsApi {

  static final String SCOPE = "https://www.googleapis.com/auth/devstorage.read_only";

  private GcsApi() {}

  /** A client of the location's server with {@code account}'s token. */
  static EgressRestClient login(
      GcsLocation location,
      ServiceAccount account,
      EgressGate gate,
      Deadline deadline,
      Credentials credentials)
      throws TokenGrant.Refused {
    String token = TokenGrant.fetch(account, SCOPE, gate, deadline, credentials);
    return new EgressRestClient(
        location.server(), location.port(), "Bearer " + token, gate, deadline);
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
