package io.datadock.core.manifest.depot;

/** What a connection field holds, and so how it is checked. */
public enum FieldKind {
  /** Free text without control characters: paths, formats, a BigQuery project. */
  STRING,
  /** A host name or an IP literal ({@link HostName}); stored without IPv6 brackets. */
  HOST,
  /** A database, schema, service, warehouse, role, account or bucket name ({@link Identifier}). */
  IDENTIFIER,
  /** An address ({@code https://..}, {@code sb://..}): no whitespace, no user information. */
  URL,
  /** The JDBC or MongoDB subprotocol: fixed per source type, or one of the shipped drivers. */
  SUBPROTOCOL,
  PORT,
  BOOLEAN,
  /** {@code host:port} entries: a list or a comma-separated string, no user information. */
  STRING_LIST,
  /** A mapping of plain values (BigQuery and MongoDB params). */
  MAP,
  /** JDBC driver properties: the driver's allowlist ({@link JdbcDriver}), plain scalar values. */
  JDBC_PARAMS
}
