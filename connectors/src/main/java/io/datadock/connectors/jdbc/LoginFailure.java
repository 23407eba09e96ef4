package io.datadock.connectors.jdbc;

/** What a refused JDBC login means, which decides the check step that fails. */
enum LoginFailure {
  /** Wrong user or password: {@link io.datadock.connectors.CheckSteps#AUTHENTICATE} fails. */
  BAD_CREDENTIALS,
  /** Logged in but may not use the database: {@code PERMISSION} fails. */
  NO_ACCESS,
  /** The database (or service) does not exist. */
  UNKNOWN_DATABASE,
  OTHER
}
