package io.datadock.connectors;

import java.util.Locale;

/** The outcome of one step of a connection check. */
public enum StepStatus {
  PASSED,
  FAILED,
  SKIPPED;

  /** The name on the topics and in the API: {@code passed}, {@code failed}, {@code skipped}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
