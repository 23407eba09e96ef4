package io.datadock.connectors;

import java.util.List;
import java.util.Optional;

/** The steps of one connection check, in the order they ran. */
public record CheckReport(List<CheckStep> steps) {

  public CheckReport {
    steps = List.copyOf(steps);
  }

  /** True when there are steps and every one of them passed. */
  public boolean passed() {
    return !steps.isEmpty() && steps.stream().allMatch(s -> s.status() == StepStatus.PASSED);
  }

  public Optional<CheckStep> firstFailure() {
    return steps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst();
  }
}
