package io.datadock.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Shared assertions on check reports. */
public final class ReportAssertions {

  private ReportAssertions() {}

  public static List<StepStatus> statuses(CheckReport report) {
    return report.steps().stream().map(CheckStep::status).toList();
  }

  public static CheckStep step(CheckReport report, String name) {
    return report.steps().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + report));
  }

  /** No message of the report holds any of {@code secrets}. */
  public static void assertNoSecretIn(CheckReport report, String... secrets) {
    for (CheckStep step : report.steps()) {
      for (String secret : secrets) {
        assertThat(step.message()).as("message of step '%s'", step.name()).doesNotContain(secret);
      }
    }
  }

  /** Every step after the first failure is skipped with the standard message. */
  public static void assertSkippedAfterFailure(CheckReport report) {
    boolean failed = false;
    for (CheckStep step : report.steps()) {
      if (failed) {
        assertThat(step.status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(step.message()).isEqualTo(CheckRun.SKIPPED_AFTER_FAILURE);
      }
      failed |= step.status() == StepStatus.FAILED;
    }
  }
}
