package io.datadock.connectors.bigquery;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.Reachable;
import io.datadock.connectors.ReachedCheck;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.google.GoogleSession;
import io.datadock.connectors.google.ServiceAccount;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.ServerUrl;

/**
 * BigQuery through its REST API ({@link BigQueryApi}): the endpoint's addresses decided by the
 * egress gate and reached over TCP; the service account's JWT grant as the login (as gcs's); one
 * page of {@code datasets.list} of the depot's {@code project} as the listing.
 */
public final class BigQueryCheck extends ReachedCheck<BigQueryCheck.Target> {

  /** The API's endpoint and the depot's project. */
  record Target(ServerUrl endpoint, String project) implements Reachable {
    @Override
    public String host() {
      return endpoint.host();
    }

    @Override
    public int port() {
      return endpoint.port();
    }

    @Override
    public String describe() {
      return endpoint + " project '" + project + "'";
    }
  }

  @Override
  protected String[] plan() {
    return new String[] {REACH, AUTHENTICATE, LIST};
  }

  @Override
  protected Target locate(SourceConnection connection) {
    String project = BigQueryApi.project(connection);
    return new Target(BigQueryApi.endpoint(connection), project);
  }

  @Override
  protected Credentials credentials(Credentials fromSecret) {
    return ServiceAccount.redacting(fromSecret);
  }

  @Override
  protected CheckReport afterReach(
      Target target, Credentials credentials, Egress egress, Deadline deadline, CheckRun run) {
    ServerUrl endpoint = target.endpoint();
    String project = target.project();
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
