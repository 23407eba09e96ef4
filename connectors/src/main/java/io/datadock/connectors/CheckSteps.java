package io.datadock.connectors;

/** The names of the steps of a connection check, in the order they run. */
public final class CheckSteps {

  public static final String REACH = "reach host";
  public static final String AUTHENTICATE = "authenticate";
  public static final String LIST = "list collections";

  /** An object store's bucket or container: it exists and these credentials may use it. */
  public static final String BUCKET = "open bucket";

  public static final String PERMISSION = "permission";

  private CheckSteps() {}
}
