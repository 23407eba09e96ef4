package io.datadock.depot.validation;

import static io.datadock.connectors.StepStatus.FAILED;
import static io.datadock.connectors.StepStatus.PASSED;
import static io.datadock.connectors.StepStatus.SKIPPED;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.CheckStep;
import io.datadock.connectors.CheckSteps;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.StepStatus;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import io.datadock.core.manifest.depot.SourceType;
import io.datadock.runtime.resolution.CredentialResolutionClient;
import io.datadock.schemas.depot.DepotCheckStep;
import io.datadock.schemas.depot.ValidationRequest;
import io.datadock.schemas.depot.ValidationResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection check: decide the connection's addresses (and file path) with the egress
 * policy, resolve the credentials the depot's reference grants, then the source family's live
 * check. A denied connection fails at {@code reach host} with the policy's message before any
 * credential is resolved. A source type with no live check passes unverified and says so.
 */
public final class CheckRunner {

  public static final String RESOLVE = "resolve credentials";
  public static final String CONNECTION = "connection";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);

  private final CredentialResolver resolver;
  private final Function<SourceType, Optional<ConnectionCheck>> checks;
  private final Egress egress;
  private final Duration timeout;
  private final Clock clock;

  public CheckRunner(
      CredentialResolver resolver,
      Function<SourceType, Optional<ConnectionCheck>> checks,
      Egress egress,
      Duration timeout,
      Clock clock) {
    this.resolver = resolver;
    this.checks = checks;
    this.egress = egress;
    this.timeout = timeout;
    this.clock = clock;
  }

  public ValidationResult run(ValidationRequest request) {
    long started = clock.millis();
    List<DepotCheckStep> steps = new ArrayList<>();
    SourceConnection connection;
    try {
      connection = new SourceConnection(request.getSourceType(), fields(request));
    } catch (RuntimeException e) {
      steps.add(step(CONNECTION, FAILED, "the check failed: " + e.getClass().getSimpleName()));
      return result(request, false, true, steps, started);
    }
    // Egress first: a denied address is never tried with credentials, nor are they resolved.
    Deadline deadline = Deadline.after(timeout);
    Optional<String> denied = egress.problem(connection, deadline);
    // the check has what the decision (its DNS lookups) left of the timeout
    Duration checkTimeout = deadline.expired() ? Duration.ofMillis(1) : deadline.remaining();
    if (denied.isPresent()) {
      LOG.info(
          "connection check refused depot={} type={} reason={}",
          request.getDepotKey(),
          request.getSourceType(),
          denied.get());
      steps.add(step(CheckSteps.REACH, FAILED, denied.get()));
      if (request.getCredentialSecret() != null) {
        steps.add(step(RESOLVE, SKIPPED, CheckRun.SKIPPED_AFTER_FAILURE));
      }
      return result(request, false, true, steps, started);
    }
    Credentials credentials = Credentials.none();
    if (request.getCredentialSecret() != null) {
      try {
        credentials =
            only(
                resolver.resolve(
                    request.getCredentialSecret(),
                    request.getCredentialPurpose(),
                    request.getDepotKey()),
                request.getCredentialKeys());
        steps.add(
            step(
                RESOLVE,
                PASSED,
                "resolved for purpose "
                    + request.getCredentialPurpose()
                    + " from "
                    + request.getCredentialSecret()
                    + " (keys "
                    + credentials.data().keySet()
                    + (credentials.files().isEmpty()
                        ? ""
                        : ", files " + credentials.files().keySet())
                    + ")"));
      } catch (CredentialResolutionClient.ResolutionException e) {
        steps.add(step(RESOLVE, FAILED, e.getMessage()));
        return result(request, false, true, steps, started);
      }
    } else {
      steps.add(step(RESOLVE, SKIPPED, "the source needs no credentials"));
    }
    Optional<ConnectionCheck> check = connection.sourceType().flatMap(checks);
    if (check.isEmpty()) {
      steps.add(
          step(
              CONNECTION,
              SKIPPED,
              "connection not verified: no live check for " + request.getSourceType()));
      return result(request, true, false, steps, started);
    }
    CheckReport report;
    try {
      report = check.get().check(connection, credentials, checkTimeout, egress);
    } catch (UnsafeConnectionField e) {
      steps.add(step(CONNECTION, FAILED, e.getMessage()));
      return result(request, false, true, steps, started);
    } catch (RuntimeException e) {
      // The exception's message may quote a connection string; name the failure only.
      steps.add(step(CONNECTION, FAILED, "the check failed: " + e.getClass().getSimpleName()));
      return result(request, false, true, steps, started);
    }
    for (CheckStep s : report.steps()) {
      steps.add(step(s.name(), s.status(), s.message()));
    }
    return result(request, report.passed(), true, steps, started);
  }

  /** The data keys and files a reference's {@code keys} select; every one when none are named. */
  private static Credentials only(Credentials credentials, List<String> keys) {
    if (keys.isEmpty()) {
      return credentials;
    }
    Map<String, String> data =
        credentials.data().entrySet().stream()
            .filter(e -> keys.contains(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<String, byte[]> files =
        credentials.files().entrySet().stream()
            .filter(e -> keys.contains(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return new Credentials(data, files);
  }

  private static Map<String, Object> fields(ValidationRequest request) {
    try {
      return JSON.readValue(request.getConnection(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException("connection is not a JSON object", e);
    }
  }

  private ValidationResult result(
      ValidationRequest request,
      boolean passed,
      boolean verified,
      List<DepotCheckStep> steps,
      long started) {
    long now = clock.millis();
    return ValidationResult.newBuilder()
        .setDepotKey(request.getDepotKey())
        .setCheckId(request.getCheckId())
        .setPassed(passed)
        .setVerified(verified)
        .setSteps(steps)
        .setCheckedAt(now)
        .setDurationMs(now - started)
        .build();
  }

  private static DepotCheckStep step(String name, StepStatus status, String message) {
    return DepotCheckStep.newBuilder()
        .setName(name)
        .setStatus(status.wire())
        .setMessage(message)
        .build();
  }
}
