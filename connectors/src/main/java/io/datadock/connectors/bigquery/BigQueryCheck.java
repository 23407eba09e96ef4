package io.datadock.connectors.bigquery;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;

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
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.ServerUrl;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BigQuery through its REST API ({@link BigQueryApi}): the endpoint's addresses decided by the
 * egress gate and reached over TCP; the service account's JWT grant as the login (as gcs's); one
 * page of {@code datasets.list} of the depot's {@code project} as the listing.
 */
public final class BigQueryCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(BigQueryCheck.class);

  @Override
  public CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials redacting = ServiceAccount.redacting(credentials);
    CheckRun run = new CheckRun(redacting, REACH, AUTHENTICATE, LIST);
    String project;
    ServerUrl endpoint;
    try {
      project = BigQueryApi.project(connection);
      endpoint = BigQueryApi.endpoint(connection);
    } catch (UnsafeConnectionField e) {
      return run.fail(REACH, e.getMessage());
    }
    CheckReport report = run(project, endpoint, redacting, egress, deadline, run);
    LOG.info(
        "connection check type=bigquery endpoint={} project={} passed={} failedStep={}",
        endpoint,
        project,
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private static CheckReport run(
      String project,
      ServerUrl endpoint,
      Credentials credentials,
      Egress egress,
      Deadline deadline,
      CheckRun run) {
    Optional<CheckReport> unreachable =
        TcpReach.step(run, endpoint.host(), endpoint.port(), egress.gate(), deadline);
    if (unreachable.isPresent()) {
      return unreachable.get();
    }
    try (GoogleSession session =
        BigQueryApi.login(endpoint, credentials, egress.gate(), deadline)) {
      run.pass(AUTHENTICATE, session.granted());
      EgressRestClient client = session.client();
      String what = "project '" + project + "'";
      try {
        BigQueryApi.Page page =
            BigQueryApi.page(client, BigQueryApi.datasets(project), "datasets", null);
        int count = page.items().size();
        return run.pass(
                LIST,
                (page.next() == null ? "" : "more than ")
                    + count
                    + (count == 1 ? " dataset" : " datasets")
                    + " visible in "
                    + what)
            .report();
      } catch (BigQueryApi.Refused e) {
        return run.fail(LIST, session.refusal(e.status, what, "list the datasets of"));
      } catch (IllegalArgumentException e) {
        return run.fail(LIST, e.getMessage());
      } catch (Exception e) {
        return run.fail(LIST, client.describe(e, credentials));
      }
    } catch (GoogleSession.Failed e) {
      return run.fail(AUTHENTICATE, e.getMessage());
    }
  }
}
