package io.datadock.connectors.scan;

/**
 * Where a scan says how far it got while it runs: objects listed so far (object stores) and
 * datasets found so far. Scanners call it at their own pace (an object store once a listed page,
 * not once an object); the caller decides how often that reaches anyone. Never throws into the
 * scan.
 */
@FunctionalInterface
public interface ScanProgress {

  /** Nobody listening. */
  ScanProgress NONE = (objectsListed, datasetsFound) -> {};

  void report(long objectsListed, int datasetsFound);
}
