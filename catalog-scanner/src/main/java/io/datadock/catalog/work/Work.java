package io.datadock.catalog.work;

import io.datadock.catalog.scan.ScanTarget;

/** One piece of catalog work a trigger asks for, done by {@link WorkRunner}. */
public sealed interface Work {

  /** The depot's key: its pieces of work run one at a time, in order. */
  String depotKey();

  /** Scan the depot an activation event describes. */
  record Scan(ScanTarget target, String trigger) implements Work {
    @Override
    public String depotKey() {
      return target.depotKey();
    }
  }

  /** Scan the depot as it is active now, if it is. */
  record Rescan(String depotKey, String trigger) implements Work {}

  /** Remove every dataset of a deleted depot. */
  record RemoveAll(String depotKey) implements Work {}
}
