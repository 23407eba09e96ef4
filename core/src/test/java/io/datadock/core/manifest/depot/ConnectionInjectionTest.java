package io.datadock.core.manifest.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.manifest.ApplyContext;
import io.datadock.core.manifest.ManifestLimits;
import io.datadock.core.manifest.ManifestParser;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connection fields are values, not URL fragments: every way a manifest could change a driver's
 * behaviour through its connection block is a 422 naming the field. Before this, each of these
 * applied and reached the JDBC URL as written.
 */
class ConnectionInjectionTest {

  private final ManifestParser parser = new ManifestParser(ManifestLimits.defaults());
  private final ApplyContext ctx = new ApplyContext("alice", "engineering", null, null);

  /** An instance-secret shape depot (MANIFESTS.md §5) of {@code type} with this block. */
  private static String instanceDepot(String type, String block) {
    return "name: d\nversion: v2alpha\ntype: depot\ndepot:\n  type: "
        + type
        + "\n  secrets: [{name: d-r, allkeys: true}]\n  "
        + type.toLowerCase()
        + ": "
        + block
        + "\n";
  }

  /** A tenant shape depot (MANIFESTS.md §4). */
  private static String tenantDepot(String type, String block) {
    return "name: d\nversion: v2alpha\ntype: depot\nspec:\n  type: "
        + type
        + "\n  spec: "
        + block
        + "\n  secrets: [{id: 'engineering:cred', purpose: rw}]\n";
  }

  private SortedMap<String, Object> connection(String yaml) {
    return DepotManifestValidator.validate(parser.parse(yaml, false).get(0), ctx).connection();
  }

  private void assertInvalid(String yaml, String field, String messagePart) {
    assertThatThrownBy(() -> connection(yaml))
        .isInstanceOfSatisfying(
            DatadockException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID);
              assertThat(e.field()).isEqualTo(field);
            })
        .hasMessageContaining(messagePart);
  }

  private void assertCredential(String yaml, String field, String value) {
    assertThatThrownBy(() -> connection(yaml))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining("credentials belong in a secret")
        .hasMessageNotContaining(value);
  }

  private static final String PG = "{host: db.internal, port: 5432, database: crm";

  @Test
  void aDatabaseCannotCarryAQueryString() {
    assertInvalid(
        instanceDepot("POSTGRESQL", PG.replace("crm", "\"crm?sslcert=/x\"") + "}"),
        "depot.postgresql.database",
        "must be a name of letters, digits and _ - . $");
    assertInvalid(
        tenantDepot("mssql", "{host: h, port: 1433, database: \"sales;integratedSecurity=true\"}"),
        "spec.spec.database",
        "must be a name");
    assertInvalid(
        instanceDepot("ORACLE", "{host: h, port: 1521, service: \"ORCL)(HOST=evil\"}"),
        "depot.oracle.service",
        "must be a name");
    assertInvalid(
        tenantDepot("mysql", "{host: h, port: 3306, database: \"a/b\"}"),
        "spec.spec.database",
        "must be a name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "db/evil",
        "db;encrypt=false",
        "db:5432",
        "db?x=1",
        "db#x",
        "db&x=1",
        "db=x",
        "db internal",
        "db\\tx",
        "-db",
        "db..internal",
        "1.2.3.999",
        "2130706433",
        "0177.0.0.1",
        "[db.internal]",
        "fe80::1%eth0",
        "1:2:3:4:5:6:7:8:9",
        "[::1"
      })
  void aHostIsAHostNameOrAnIpLiteralAndNothingElse(String host) {
    assertInvalid(
        instanceDepot(
            "POSTGRESQL", PG.replace("db.internal", "\"" + host + "\"").replace("crm", "crm}")),
        "depot.postgresql.host",
        "must be a host name");
  }

  @Test
  void aHostWithUserInformationIsACredential() {
    assertCredential(
        instanceDepot("POSTGRESQL", PG.replace("db.internal", "\"admin:S3cr3t@db\"") + "}"),
        "depot.postgresql.host",
        "S3cr3t");
    assertCredential(
        tenantDepot("mssql", "{host: \"sa@db\", port: 1433, database: d}"),
        "spec.spec.host",
        "sa@db");
  }

  @Test
  void hostsMayBeNamesOrIpLiteralsWithOrWithoutBrackets() {
    for (String host : new String[] {"localhost", "db-1.internal.example.com", "10.0.0.7"}) {
      assertThat(connection(tenantDepot("postgres", PG.replace("db.internal", host) + "}")))
          .containsEntry("host", host);
    }
    assertThat(connection(tenantDepot("postgres", PG.replace("db.internal", "\"[::1]\"") + "}")))
        .as("stored without brackets, as a socket wants it")
        .containsEntry("host", "::1");
    assertThat(
            connection(
                tenantDepot(
                    "postgres", PG.replace("db.internal", "\"2001:db8::ffff:10.0.0.1\"") + "}")))
        .containsEntry("host", "2001:db8::ffff:10.0.0.1");
  }

  @ParameterizedTest
  @CsvSource({
    "POSTGRESQL, sslfactory, org.postgresql.ssl.NonValidatingFactory",
    "POSTGRESQL, socketFactory, javax.net.DefaultSocketFactory",
    "POSTGRESQL, sslcert, /etc/shadow",
    "POSTGRESQL, sslrootcert, /x",
    "POSTGRESQL, options, -c log_statement=all",
    "POSTGRESQL, loggerFile, /tmp/x.log",
    "POSTGRESQL, authenticationPluginClassName, x.Y",
    "POSTGRESQL, connectTimeout, 0",
    "MYSQL, allowLoadLocalInfile, true",
    "MYSQL, allowLocalInfile, true",
    "MYSQL, autoDeserialize, true",
    "MYSQL, initSql, DROP TABLE x",
    "MYSQL, sessionVariables, sql_mode=x",
    "MYSQL, permitRedirect, true",
    "MSSQL, integratedSecurity, true",
    "MSSQL, authentication, ActiveDirectoryDefault",
    "MSSQL, socketFactoryClass, x.Y",
    "MSSQL, trustStore, /x",
    "MSSQL, failoverPartner, evil",
    "REDSHIFT, plugin_name, x.Y",
    "REDSHIFT, profile, default",
    "REDSHIFT, LogPath, /tmp"
  })
  void paramsOutsideTheDriversAllowlistAreRefused(String type, String key, String value) {
    String block =
        "{host: h, port: 1, database: d, service: s, params: {" + key + ": '" + value + "'}}";
    String lower = type.toLowerCase();
    assertInvalid(
        instanceDepot(type, block),
        "depot." + lower + ".params." + key,
        "is not a connection property Datadock passes to the");
  }

  @Test
  void aGenericJdbcDepotsParamsFollowItsSubprotocolsDriver() {
    assertInvalid(
        instanceDepot(
            "JDBC", "{subprotocol: mysql, host: h, params: {allowLoadLocalInfile: true}}"),
        "depot.jdbc.params.allowLoadLocalInfile",
        "the mariadb driver");
    assertInvalid(
        instanceDepot("JDBC", "{subprotocol: oracle, host: h, params: {sslmode: require}}"),
        "depot.jdbc.params.sslmode",
        "takes no params");
    assertThat(
            connection(
                instanceDepot(
                    "JDBC",
                    "{subprotocol: postgresql, host: h, params: {sslmode: require, SSL: true}}")))
        .containsEntry("subprotocol", "postgresql");
  }

  @Test
  void harmlessParamsApplyInAnyCase() {
    assertThat(
            connection(
                instanceDepot(
                    "POSTGRESQL",
                    PG
                        + ", params: {sslmode: verify-full, ApplicationName: 'crm sync',"
                        + " currentSchema: sales, SSL: true}}")))
        .containsKey("params");
    assertThat(
            connection(
                tenantDepot(
                    "mysql",
                    "{host: h, port: 3306, params: {serverTimezone: Europe/Paris,"
                        + " characterEncoding: UTF-8, useSSL: true}}")))
        .containsKey("params");
    assertThat(
            connection(
                tenantDepot(
                    "mssql",
                    "{host: h, port: 1433, database: d, params: {encrypt: true,"
                        + " trustServerCertificate: false, applicationName: crm}}")))
        .containsKey("params");
  }

  @Test
  void paramValuesCannotCarryTheDriversSeparators() {
    assertInvalid(
        tenantDepot(
            "mssql",
            "{host: h, port: 1433, database: d,"
                + " params: {applicationName: \"crm;integratedSecurity=true\"}}"),
        "spec.spec.params.applicationName",
        "none of ; { }");
    assertInvalid(
        tenantDepot("postgres", PG + ", params: {ApplicationName: \"x&sslfactory=y\"}}"),
        "spec.spec.params.ApplicationName",
        "none of & = ? #");
    assertInvalid(
        tenantDepot("postgres", PG + ", params: {ApplicationName: [a, b]}}"),
        "spec.spec.params.ApplicationName",
        "must be a string, number or boolean");
    assertInvalid(
        tenantDepot("postgres", PG + ", params: {ApplicationName: \"a\\nb\"}}"),
        "spec.spec.params.ApplicationName",
        "no control character");
  }

  @ParameterizedTest
  @CsvSource({
    "POSTGRESQL, mysql, is fixed for a postgres depot: leave it out or write postgresql",
    "POSTGRESQL, 'postgresql://evil:1/x?', is fixed for a postgres depot",
    "MSSQL, jtds:sqlserver, is fixed for a mssql depot: leave it out or write sqlserver",
    "ORACLE, oracle:oci, is fixed for a oracle depot: leave it out or write oracle:thin",
    "MYSQL, h2, is fixed for a mysql depot",
    "REDSHIFT, postgresql, is fixed for a redshift depot",
    "JDBC, h2:mem, must name a driver Datadock ships (mariadb, mysql, oracle, oracle:thin,",
    "JDBC, db2, must name a driver Datadock ships",
    "JDBC, 'postgresql://evil/x?', must name a driver Datadock ships"
  })
  void theSubprotocolIsFixedPerTypeOrAShippedDriver(String type, String sub, String message) {
    String block = "{subprotocol: '" + sub + "', host: h, port: 1, database: d, service: s}";
    assertInvalid(
        instanceDepot(type, block), "depot." + type.toLowerCase() + ".subprotocol", message);
  }

  @Test
  void aManifestMayRepeatTheFixedSubprotocol() {
    assertThat(connection(instanceDepot("POSTGRESQL", PG + ", subprotocol: PostgreSQL}")))
        .containsEntry("subprotocol", "postgresql");
    assertThat(
            connection(
                instanceDepot(
                    "ORACLE", "{subprotocol: 'oracle:thin', host: h, port: 1521, service: ORCL}")))
        .containsEntry("subprotocol", "oracle:thin");
    assertThat(connection(tenantDepot("mysql", "{subprotocol: mysql, host: h, port: 3306}")))
        .containsEntry("subprotocol", "mysql");
    assertInvalid(
        tenantDepot("mongodb", "{nodes: [m:27017], subprotocol: 'mongodb+evil'}"),
        "spec.spec.subprotocol",
        "must be mongodb or mongodb+srv");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "Password",
        "passwd",
        "pwd",
        "secret",
        "token",
        "key",
        "apiKey",
        "api_key",
        "accessKey",
        "secretKey",
        "privateKey",
        "private-key",
        "credential",
        "credentials",
        "sslpassword",
        "keyStorePassword",
        "accessKeyId",
        "AWS_SECRET_ACCESS_KEY",
        "client_secret",
        "sasToken",
        "accountKey",
        "passphrase"
      })
  void credentialLikeParamsAreRefusedWithoutEchoingTheValue(String key) {
    assertCredential(
        tenantDepot("postgres", PG + ", params: {" + key + ": hunter2-value}}"),
        "spec.spec.params." + key,
        "hunter2-value");
  }

  @Test
  void credentialLikeFieldsAreRefusedAnywhereInTheBlock() {
    assertCredential(
        instanceDepot("POSTGRESQL", PG + ", password: hunter2-value}"),
        "depot.postgresql.password",
        "hunter2-value");
    assertCredential(
        tenantDepot("s3", "{bucket: b, secretKey: hunter2-value}"),
        "spec.spec.secretKey",
        "hunter2-value");
    assertCredential(
        tenantDepot("bigquery", "{project: p, params: {options: {token: hunter2-value}}}"),
        "spec.spec.params.options.token",
        "hunter2-value");
    assertCredential(
        tenantDepot("abfss", "{account: a, container: c, extra: [{accountKey: hunter2-value}]}"),
        "spec.spec.extra[0].accountKey",
        "hunter2-value");
  }

  @Test
  void namesThatMerelyEndInKeyAreNoCredentials() {
    assertThat(connection(tenantDepot("mongodb", "{nodes: [m:27017], shardKey: region}")))
        .containsEntry("shardKey", "region");
    assertThat(connection(tenantDepot("kafka", "{brokers: [k:9092], partitionKey: id}")))
        .containsEntry("partitionKey", "id");
  }

  @ParameterizedTest
  @CsvSource({
    "snowflake, '{url: \"https://u:hunter2-value@acme.snowflakecomputing.com\", database: D,"
        + " warehouse: W}', spec.spec.url",
    "pulsar, '{adminUrl: \"http://admin:hunter2-value@pulsar:8080\", serviceUrl:"
        + " pulsar://pulsar:6650}', spec.spec.adminUrl",
    "pulsar, '{adminUrl: http://pulsar:8080, serviceUrl:"
        + " \"pulsar+ssl://u:hunter2-value@pulsar:6651\"}', spec.spec.serviceUrl",
    "kafka, '{brokers: [k:9092], schemaRegistryUrl: \"https://u:hunter2-value@sr:8081\"}',"
        + " spec.spec.schemaRegistryUrl",
    "eventhub, '{endpoint: \"sb://RootKey:hunter2-value@ns.servicebus.windows.net\"}',"
        + " spec.spec.endpoint",
    "mongodb, '{nodes: [\"root:hunter2-value@m1:27017\"]}', spec.spec.nodes[0]",
    "kafka, '{brokers: \"k1:9092,u:hunter2-value@k2:9092\"}', spec.spec.brokers[1]",
    "elasticsearch, '{nodes: [\"https://elastic:hunter2-value@es:9200\"]}', spec.spec.nodes[0]",
    "s3, '{bucket: b, endpoint: \"https://AKIA:hunter2-value@minio:9000\"}', spec.spec.endpoint",
    "s3, '{bucket: b, mirror: \"https://AKIA:hunter2-value@minio:9000\"}', spec.spec.mirror"
  })
  void userInformationInAnAddressIsACredential(String type, String block, String field) {
    assertCredential(tenantDepot(type, block), field, "hunter2-value");
  }

  @Test
  void otherNamesAreIdentifiers() {
    assertInvalid(
        tenantDepot(
            "snowflake",
            "{url: https://acme.snowflakecomputing.com, database: D, warehouse: \"W;x\"}"),
        "spec.spec.warehouse",
        "must be a name");
    assertInvalid(
        tenantDepot("s3", "{bucket: \"b/../other\"}"), "spec.spec.bucket", "must be a name");
    assertInvalid(
        tenantDepot("pulsar", "{adminUrl: http://p:8080, serviceUrl: \"pulsar://p 6650\"}"),
        "spec.spec.serviceUrl",
        "without whitespace");
  }
}
