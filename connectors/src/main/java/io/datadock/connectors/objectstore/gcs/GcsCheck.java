package io.datadock.connectors.objectstore.gcs;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.BUCKET;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TcpReach;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.google.GoogleSession;
import io.datadock.connectors.google.ServiceAccount;
import io.datadock.connectors.google.TokenGrant;
import io.datadock.connectors.http.EgressRestClient;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google Cloud Storage through its JSON API ({@link GcsApi}): the endpoint's addresses decided by
 * the egress gate and reached over TCP; the service account's JWT grant at its {@code token_uri} as
 * the login ({@link TokenGrant}: a key that cannot sign or a refused grant fails {@code
 * authenticate}); {@code buckets.get} for {@code open bucket}; one page of {@code objects.list}
 * under the prefix as the listing.
 */
public final class GcsCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(GcsCheck.class);
  static final int LIST_PAGE = 1000;

  @Override
  public CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials redacting = ServiceAccount.redacting(credentials);
    CheckRun run = new CheckRun(redacting, REACH, AUTHENTICATE, BUCKET, LIST);
    GcsLocation location;
    try {
      location = GcsLocation.of(connection);
    } catch (UnsafeConnectionField e) {
      return run.fail(REACH, e.getMessage());
    }
    CheckReport report = run(location, redacting, egress, deadline, run);
    LOG.info(
        "connection check type=gcs endpoint={} bucket={} passed={} failedStep={}",
        location.server(),
        location.bucket(),
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private static CheckReport run(
      GcsLocation location,
      Credentials credentials,
      Egress egress,
      Deadline deadline,
      CheckRun run) {
    Optional<CheckReport> unreachable =
        TcpReach.step(run, location.host(), location.port(), egress.gate(), deadline);
    if (unreachable.isPresent()) {
      return unreachable.get();
    }
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
