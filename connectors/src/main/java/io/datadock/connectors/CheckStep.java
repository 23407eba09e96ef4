package io.datadock.connectors;

import java.util.Objects;

/**
 * One step of a connection check.
 *
 * @param name one of {@link CheckSteps}
 * @param status what happened
 * @param message short, for humans; never holds a credential value
 */
public record CheckStep(String name, StepStatus status, String message) {

  public CheckStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
  }
}
