package io.datadock.faults.history;

/**
 * One request a client made and the answer it got: what it asked about which resource, when it was
 * sent and answered (nanoseconds on the recorder's clock), and the version the answer named.
 *
 * @param version the resource version the answer named, or {@link #NO_VERSION}
 * @param completed when the answer came; {@link Long#MAX_VALUE} for an answer that never came or
 *     told nothing ({@link Outcome#UNKNOWN}): such a request may take effect at any later time
 */
public record Operation(
    long id,
    String client,
    Type type,
    String key,
    long invoked,
    long completed,
    Outcome outcome,
    long version) {

  public static final long NO_VERSION = -1;

  public enum Type {
    APPLY,
    DELETE,
    READ
  }

  /** What the answer says happened. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED,
    /** A delete of something absent: nothing happened. */
    NOT_FOUND,
    /** A delete refused because the resource is in use: nothing happened, it exists. */
    REFUSED,
    /** A definite failure (a 4xx): nothing happened. */
    FAILED,
    /** A timeout, a 5xx or a dropped connection: it may or may not have happened. */
    UNKNOWN,
    /** A read that found the resource at {@link #version}. */
    FOUND,
    /** A read that found no resource. */
    ABSENT;

    boolean acknowledgedChange() {
      return this == CREATED || this == UPDATED || this == DELETED;
    }

    boolean definitelyNothing() {
      return this == UNCHANGED || this == NOT_FOUND || this == REFUSED || this == FAILED;
    }
  }

  public Operation {
    if (outcome == Outcome.UNKNOWN) {
      completed = Long.MAX_VALUE;
    }
  }

  /** A create, update or delete that was acknowledged. */
  public boolean acknowledgedChange() {
    return type != Type.READ && outcome.acknowledgedChange();
  }

  /** A create, update or delete that may have changed the resource (acknowledged or unknown). */
  public boolean mayHaveChanged() {
    return type != Type.READ && !outcome.definitelyNothing() && outcome != Outcome.ABSENT;
  }

  /** Whether the resource exists after this acknowledged change. */
  public boolean leavesResource() {
    return type == Type.APPLY;
  }

  @Override
  public String toString() {
    return String.format(
        "#%d %s %s %s [%s .. %s] -> %s%s",
        id,
        client,
        type,
        key,
        millis(invoked),
        completed == Long.MAX_VALUE ? "?" : millis(completed),
        outcome,
        version == NO_VERSION ? "" : " v" + version);
  }

  private static String millis(long nanos) {
    return String.format("%.3fs", nanos / 1e9);
  }
}
