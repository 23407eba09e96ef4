package io.datadock.faults.history;

/**
 * A committed change event of one resource, as read back from its service's events topic, in log
 * order.
 */
public record Event(String key, Change change, long version) {

  public enum Change {
    WRITE,
    DELETE
  }

  @Override
  public String toString() {
    return "event " + change + " " + key + " v" + version;
  }
}
