package io.datadock.connectors.mongodb;

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
import io.datadock.connectors.egress.Destination.Endpoint;
import io.datadock.connectors.egress.Egress;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MongoDB with the official sync driver ({@link MongoSession}): every node decided by the egress
 * gate and the first that accepts TCP reached; a {@code ping} on the {@code authSource} database as
 * the login (the driver authenticates the connection first); {@code listDatabases} (names only, the
 * databases the user may use) as the listing, without {@code admin}, {@code local} and {@code
 * config}.
 */
public final class MongoCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(MongoCheck.class);

  @Override
  public CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    CheckRun run = new CheckRun(credentials, REACH, AUTHENTICATE, LIST);
    List<Endpoint> nodes;
    try {
      nodes = MongoNodes.of(connection);
    } catch (UnsafeConnectionField e) {
      return run.fail(REACH, e.getMessage());
    }
    NodeReach.Result reach = NodeReach.first(nodes, "nodes", egress.gate(), deadline);
    CheckReport report;
    if (!reach.ok()) {
      report = run.fail(REACH, reach.problem());
    } else {
      Endpoint node = nodes.get(reach.reached());
      run.pass(REACH, "reached node " + node);
      MongoLogin login = MongoLogin.of(connection, credentials);
      try (MongoSession session =
          new MongoSession(node, login, egress.gate(), deadline, "datadock-connection-check")) {
        report = login(session, node, login, credentials, deadline, run);
      }
    }
    LOG.info(
        "connection check type=mongodb nodes={} passed={} failedStep={}",
        nodes,
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private static CheckReport login(
      MongoSession session,
      Endpoint node,
      MongoLogin login,
      Credentials credentials,
      Deadline deadline,
      CheckRun run) {
    try {
      deadline.call(
          () ->
              session.client().getDatabase(login.authSource()).runCommand(new Document("ping", 1)),
          late -> {});
    } catch (Exception e) {
      return run.fail(AUTHENTICATE, session.problem(e, credentials));
    }
    run.pass(AUTHENTICATE, "connected " + login.who() + " to " + node);
    try {
      int visible = session.userDatabases().size();
      return run.pass(LIST, visible + (visible == 1 ? " database" : " databases") + " visible")
          .report();
    } catch (Exception e) {
      if (MongoFailures.isUnauthorized(e)) {
        return run.fail(LIST, "user '" + login.user() + "' may not list databases");
      }
      return run.fail(LIST, session.problem(e, credentials));
    }
  }
}
