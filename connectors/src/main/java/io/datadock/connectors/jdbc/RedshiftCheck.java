package io.datadock.connectors.jdbc;

/** Amazon Redshift: {@code jdbc:redshift://host:port/database?params}; collections are schemas. */
public final class RedshiftCheck extends PgWireCheck {

  @Override
  String type() {
    return "redshift";
  }

  @Override
  String defaultSubprotocol() {
    return "redshift";
  }

  @Override
  int defaultPort() {
    return 5439;
  }
}
