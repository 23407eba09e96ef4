package io.datadock.connectors;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of one check as they happen. Steps are recorded in the planned order; after a failure
 * every step not yet recorded is reported {@link StepStatus#SKIPPED}. Every message passes through
 * {@link SafeMessages#clean}, so no credential value reaches a report.
 */
public final class CheckRun {

  public static final String SKIPPED_AFTER_FAILURE = "skipped: an earlier step failed";

  private final Credentials credentials;
  private final List<String> plan;
  private final List<CheckStep> steps = new ArrayList<>();

  public CheckRun(Credentials credentials, String... plan) {
    this.credentials = credentials == null ? Credentials.none() : credentials;
    this.plan = List.of(plan);
  }

  public CheckRun pass(String step, String message) {
    record(step, StepStatus.PASSED, message);
    return this;
  }

  /** Records a step that could not run because a later step's failure explains why. */
  public CheckRun skip(String step, String message) {
    record(step, StepStatus.SKIPPED, message);
    return this;
  }

  /** Records the failure, skips the remaining planned steps and returns the report. */
  public CheckReport fail(String step, String message) {
    record(step, StepStatus.FAILED, message);
    while (steps.size() < plan.size()) {
      steps.add(new CheckStep(plan.get(steps.size()), StepStatus.SKIPPED, SKIPPED_AFTER_FAILURE));
    }
    return report();
  }

  public CheckReport report() {
    return new CheckReport(steps);
  }

  private void record(String step, StepStatus status, String message) {
    if (steps.size() >= plan.size() || !plan.get(steps.size()).equals(step)) {
      throw new IllegalStateException("step '" + step + "' out of order, plan " + plan);
    }
    steps.add(new CheckStep(step, status, SafeMessages.clean(message, credentials)));
  }
}
