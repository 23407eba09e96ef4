package io.datadock.connectors;

/** The names of the steps of a connection check, in the order they run. */
public final class CheckSteps {

  public static final String REACH = "reach host";
  public static final String AUTHENTICATE = "authenticate";
  public static final String LIST = "list collections";

  /** An object store's bucket or container: it exists and these credentials may use it. */
  public static final String BUCKET = "open bucket";

  public static final String PERMISSION = "permission";

  /** A warehouse's session: the warehouse, database and role it was opened with (Snowflake). */
  public static final String WAREHOUSE = "open warehouse";

  public static final String DATABASE = "open database";
  public static final String ROLE = "use role";

  private CheckSteps() {}
}
