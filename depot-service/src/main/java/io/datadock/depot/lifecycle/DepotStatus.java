package io.datadock.depot.lifecycle;

/** The status words of MANIFESTS.md "Lifecycle and listing", and of a reference. */
public final class DepotStatus {

  public static final String PENDING = "pending";
  public static final String ACTIVE = "active";
  public static final String ERROR = "error";

  /** A DELETE waits for secret-service to acknowledge its releases before the depot goes. */
  public static final String DELETING = "deleting";

  public static final String DELETED = "deleted";

  public static final String REF_PENDING = "pending";
  public static final String REF_GRANTED = "granted";
  public static final String REF_DENIED = "denied";

  private DepotStatus() {}
}
