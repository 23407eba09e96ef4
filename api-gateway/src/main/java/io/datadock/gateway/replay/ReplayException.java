package io.datadock.gateway.replay;

/** A replay that could not be done, and why (the gateway maps the reason to a status). */
public final class ReplayException extends RuntimeException {

  public enum Reason {
    /** No running instance of the service: there is nobody to rebuild. */
    NOT_RUNNING,
    /** A replay of the same service is in progress. */
    BUSY,
    /** Instances did not answer in time. */
    TIMEOUT,
    /** An instance could not stop or rebuild. */
    FAILED
  }

  private final Reason reason;

  public ReplayException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
