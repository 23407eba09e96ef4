package io.datadock.connectors.search;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.NodeReach;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.HttpLogin;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch and OpenSearch over their REST API ({@link EgressRestClient}): every node decided
 * by the egress gate and the first that accepts TCP reached; {@code GET /_cluster/health} with the
 * secret's login as {@code authenticate} (401: refused credentials, 403: a login without the
 * monitor privilege); {@code GET /_cat/indices} as the listing.
 */
public final class SearchCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(SearchCheck.class);

  @Override
  public CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    HttpLogin login = SearchNode.login(credentials);
    Credentials redacting = login.redacting(credentials);
    CheckRun run = new CheckRun(redacting, REACH, AUTHENTICATE, LIST);
    List<SearchNode> nodes;
    try {
      nodes = SearchNode.of(connection);
    } catch (UnsafeConnectionField e) {
      return run.fail(REACH, e.getMessage());
    }
    NodeReach.Result reach =
        NodeReach.first(
            nodes.stream().map(SearchNode::endpoint).toList(), "nodes", egress.gate(), deadline);
    CheckReport report;
    if (!reach.ok()) {
      report = run.fail(REACH, reach.problem());
    } else {
      SearchNode node = nodes.get(reach.reached());
      run.pass(REACH, "reached node " + node);
      try (EgressRestClient client = node.client(login, egress.gate(), deadline)) {
        report = login(client, login, redacting, run);
      }
    }
    LOG.info(
        "connection check type={} nodes={} passed={} failedStep={}",
        connection.type(),
        nodes,
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private static CheckReport login(
      EgressRestClient client, HttpLogin login, Credentials credentials, CheckRun run) {
    EgressRestClient.Response health;
    try {
      health = client.get("/_cluster/health");
    } catch (Exception e) {
      return run.fail(AUTHENTICATE, client.describe(e, credentials));
    }
    if (!health.ok()) {
      return run.fail(
          AUTHENTICATE, SearchAnswers.refusal(health.status(), login, "read the cluster's health"));
    }
    if (!SearchAnswers.isHealth(health.body())) {
      return run.fail(
          AUTHENTICATE,
          "the answer to /_cluster/health is not a cluster's health: is this an Elasticsearch or"
              + " OpenSearch node?");
    }
    run.pass(
        AUTHENTICATE,
        "logged in with " + login.who() + "; " + SearchAnswers.describeHealth(health.body()));
    try {
      EgressRestClient.Response indices = client.get(SearchAnswers.INDICES);
      if (!indices.ok()) {
        return run.fail(LIST, SearchAnswers.refusal(indices.status(), login, "list indices"));
      }
      List<SearchAnswers.Index> visible = SearchAnswers.indices(indices.body());
      return run.pass(
              LIST, visible.size() + (visible.size() == 1 ? " index" : " indices") + " visible")
          .report();
    } catch (IllegalArgumentException e) {
      return run.fail(LIST, e.getMessage());
    } catch (Exception e) {
      return run.fail(LIST, client.describe(e, credentials));
    }
  }
}
