package io.datadock.connectors.pulsar;

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
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.HttpLogin;
import io.datadock.connectors.http.ServerUrl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulsar through its admin REST API ({@link PulsarAdmin}): the {@code adminUrl}'s addresses decided
 * by the egress gate and reached over TCP; {@code GET /admin/v2/tenants} as the login (401:
 * refused; 403: a login that is no super-user, enough when the depot names its {@code tenant}); the
 * namespaces of the depot's tenant (or of every tenant listed) as the listing.
 */
public final class PulsarCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(PulsarCheck.class);

  @Override
  public CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    HttpLogin login = PulsarAdmin.login(credentials);
    Credentials redacting = login.redacting(credentials);
    CheckRun run = new CheckRun(redacting, REACH, AUTHENTICATE, LIST);
    ServerUrl url;
    try {
      url = PulsarAdmin.url(connection);
    } catch (UnsafeConnectionField e) {
      return run.fail(REACH, e.getMessage());
    }
    Optional<String> unreachable =
        TcpReach.problem(url.host(), url.port(), egress.gate(), deadline);
    CheckReport report;
    if (unreachable.isPresent()) {
      report = run.fail(REACH, unreachable.get());
    } else {
      run.pass(REACH, "reached " + url);
      try (EgressRestClient client = PulsarAdmin.client(url, login, egress.gate(), deadline)) {
        report = login(client, login, connection.string("tenant"), redacting, run);
      }
    }
    LOG.info(
        "connection check type=pulsar adminUrl={} passed={} failedStep={}",
        url,
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private static CheckReport login(
      EgressRestClient client,
      HttpLogin login,
      String tenant,
      Credentials credentials,
      CheckRun run) {
    List<String> tenants;
    try {
      EgressRestClient.Response answer = client.get(PulsarAdmin.TENANTS);
      if (answer.status() == 403 && tenant != null) {
        run.pass(AUTHENTICATE, "logged in with " + login.who() + " (not a super-user)");
        tenants = List.of(tenant);
      } else if (!answer.ok()) {
        return run.fail(
            AUTHENTICATE,
            login.refusal(answer.status(), "list tenants", "admin API")
                + (answer.status() == 403 ? ": name the depot's 'tenant'" : ""));
      } else {
        List<String> listed = PulsarAdmin.names(answer.body(), PulsarAdmin.TENANTS);
        run.pass(
            AUTHENTICATE,
            "logged in with "
                + login.who()
                + "; "
                + listed.size()
                + (listed.size() == 1 ? " tenant" : " tenants"));
        tenants = tenant == null ? listed : List.of(tenant);
      }
    } catch (IllegalArgumentException e) {
      return run.fail(AUTHENTICATE, e.getMessage());
    } catch (Exception e) {
      return run.fail(AUTHENTICATE, client.describe(e, credentials));
    }
    int namespaces = 0;
    for (String each : tenants) {
      try {
        EgressRestClient.Response answer = client.get(PulsarAdmin.namespaces(each));
        if (answer.status() == 404) {
          return run.fail(LIST, "tenant '" + each + "' does not exist");
        }
        if (!answer.ok()) {
          return run.fail(
              LIST,
              login.refusal(
                  answer.status(), "list the namespaces of tenant '" + each + "'", "admin API"));
        }
        namespaces += PulsarAdmin.names(answer.body(), "the namespaces of " + each).size();
      } catch (IllegalArgumentException e) {
        return run.fail(LIST, e.getMessage());
      } catch (Exception e) {
        return run.fail(LIST, client.describe(e, credentials));
      }
    }
    return run.pass(
            LIST,
            namespaces
                + (namespaces == 1 ? " namespace" : " namespaces")
                + " visible"
                + (tenant == null ? "" : " in tenant '" + tenant + "'"))
        .report();
  }
}
