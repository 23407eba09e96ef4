package io.datadock.depot.validation;

import io.datadock.schemas.depot.DepotCheckStep;
import io.datadock.schemas.depot.ValidationRequest;
import io.datadock.schemas.depot.ValidationResult;
import java.time.Duration;
import java.util.List;

/** The result reported for a check that neither finished nor failed within its hard limit. */
final class TimedOut {

  private TimedOut() {}

  static ValidationResult result(ValidationRequest request, Duration limit, Throwable error) {
    String message =
        error != null
            ? "the check failed: " + error.getClass().getSimpleName()
            : "the check did not finish within " + limit.toSeconds() + " s";
    return ValidationResult.newBuilder()
        .setDepotKey(request.getDepotKey())
        .setCheckId(request.getCheckId())
        .setPassed(false)
        .setVerified(true)
        .setSteps(
            List.of(
                DepotCheckStep.newBuilder()
                    .setName(CheckRunner.CONNECTION)
                    .setStatus("failed")
                    .setMessage(message)
                    .build()))
        .setCheckedAt(System.currentTimeMillis())
        .setDurationMs(limit.toMillis())
        .build();
  }
}
