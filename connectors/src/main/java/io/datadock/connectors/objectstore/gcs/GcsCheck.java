package io.datadock.connectors.objectstore.gcs;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.BUCKET;
import static io.datadock.connectors.CheckSteps.LIST;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.google.GoogleSession;
import io.datadock.connectors.google.ServiceAccount;
import io.datadock.connectors.google.TokenGrant;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.objectstore.StoreCheck;
import java.util.Optional;

/**
 * Google Cloud Storage through its JSON API ({@link GcsApi}): the endpoint's addresses decided by
 * the egress gate and reached over TCP; the service account's JWT grant at its {@code token_uri} as
 * the login ({@link TokenGrant}: a key that cannot sign or a refused grant fails {@code
 * authenticate}); {@code buckets.get} for {@code open bucket}; one page of {@code objects.list}
 * under the prefix as the listing.
 */
public final class GcsCheck extends StoreCheck<GcsLocation> {

  static final int LIST_PAGE = 1000;

  @Override
  protected GcsLocation locate(SourceConnection connection) {
    return GcsLocation.of(connection);
  }

  @Override
  protected Credentials credentials(Credentials fromSecret) {
    return ServiceAccount.redacting(fromSecret);
  }

  @Override
  protected CheckReport afterReach(
      GcsLocation location,
      Credentials credentials,
      Egress egress,
      Deadline deadline,
      CheckRun run) {
    try (GoogleSession session = GcsApi.login(location, credentials, egress.gate(), deadline)) {
      run.pass(AUTHENTICATE, session.granted());
      return openBucket(session, location, credentials, run)
          .orElseGet(() -> list(session, location, credentials, run));
    } catch (GoogleSession.Failed e) {
      return run.fail(AUTHENTICATE, e.getMessage());
    }
  }

  private static Optional<CheckReport> openBucket(
      GoogleSession session, GcsLocation location, Credentials credentials, CheckRun run) {
    String bucket = "bucket '" + location.bucket() + "'";
    EgressRestClient storage = session.client();
    try {
      EgressRestClient.Response answer = storage.get(GcsApi.bucket(location));
      if (answer.ok()) {
        run.pass(BUCKET, bucket + " is there");
        return Optional.empty();
      }
      return Optional.of(run.fail(BUCKET, session.refusal(answer.status(), bucket, "read")));
    } catch (Exception e) {
      return Optional.of(run.fail(BUCKET, bucket + ": " + storage.describe(e, credentials)));
    }
  }

  private static CheckReport list(
      GoogleSession session, GcsLocation location, Credentials credentials, CheckRun run) {
    EgressRestClient storage = session.client();
    try {
      EgressRestClient.Response answer =
          storage.get(GcsApi.objects(location, location.prefix(), null, LIST_PAGE));
      if (!answer.ok()) {
        return run.fail(LIST, session.refusal(answer.status(), location.describe(), "list"));
      }
      JsonNode items = answer.body() == null ? null : answer.body().get("items");
      int objects = items == null ? 0 : items.size();
      boolean more = answer.body() != null && answer.body().hasNonNull("nextPageToken");
      String count =
          more
              ? "more than " + objects + " objects"
              : objects + (objects == 1 ? " object" : " objects");
      return run.pass(LIST, count + " under " + location.describe()).report();
    } catch (Exception e) {
      return run.fail(
          LIST, "cannot list " + location.describe() + ": " + storage.describe(e, credentials));
    }
  }
}
