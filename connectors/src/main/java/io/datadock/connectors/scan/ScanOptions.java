package io.datadock.connectors.scan;

/**
 * What the caller of one scan decides for it: how many objects an object-store listing may hold
 * (the depot's budget: the operator's, or the operator's for that depot) and who hears of its
 * progress. Sources that list no objects ignore the budget.
 */
public record ScanOptions(int objectBudget, ScanProgress progress) {

  public ScanOptions {
    if (objectBudget < 1) {
      throw new IllegalArgumentException("the object budget must be at least 1: " + objectBudget);
    }
    progress = progress == null ? ScanProgress.NONE : progress;
  }

  /** A budget and nobody listening. */
  public static ScanOptions budget(int objectBudget) {
    return new ScanOptions(objectBudget, ScanProgress.NONE);
  }
}
