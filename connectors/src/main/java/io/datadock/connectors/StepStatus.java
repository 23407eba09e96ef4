package io.datadock.connectors;

/** The outcome of one step of a connection check. */
public enum StepStatus {
  PASSED,
  FAILED,
  SKIPPED
}
