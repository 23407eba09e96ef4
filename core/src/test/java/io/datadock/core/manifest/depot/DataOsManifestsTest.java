package io.datadock.core.manifest.depot;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.manifest.ApplyContext;
import io.datadock.core.manifest.ManifestLimits;
import io.datadock.core.manifest.ManifestParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of MANIFESTS.md's table, written as DataOS users write it, still applies in both shapes
 * now that connection fields are checked as what they hold.
 */
class DataOsManifestsTest {

  private final ManifestParser parser = new ManifestParser(ManifestLimits.defaults());
  private final ApplyContext ctx = new ApplyContext("alice", "engineering", null, null);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POSTGRESQL | {subprotocol: postgresql, host: pg.prod.internal, port: 5432, database:"
            + " orders, params: {sslmode: require, currentSchema: sales}}",
        "MYSQL | {host: mysql.internal, port: 3306, params: {serverTimezone: UTC,"
            + " characterEncoding: utf8}}",
        "MSSQL | {subprotocol: sqlserver, host: sql01.corp.local, port: 1433, database: Sales,"
            + " params: {encrypt: true, trustServerCertificate: true}}",
        "ORACLE | {subprotocol: 'oracle:thin', host: 10.20.30.40, port: 1521, service:"
            + " ORCLPDB1.example.com}",
        "JDBC | {subprotocol: postgresql, host: analytics.internal, port: 5432, database:"
            + " analytics, params: {sslmode: disable}}",
        "REDSHIFT | {host: cluster.abc123.us-east-1.redshift.amazonaws.com, port: 5439, database:"
            + " dev, bucket: my-bucket, relativePath: /redshift/tmp}",
        "SNOWFLAKE | {url: 'https://xy12345.snowflakecomputing.com', database: SALES_DB,"
            + " warehouse: COMPUTE_WH, account: xy12345.us-east-1, role: PUBLIC, schema: PUBLIC}",
        "BIGQUERY | {project: my-project-123, params: {location: EU}}",
        "S3 | {bucket: my-data-lake, relativePath: /raw/sales, scheme: s3a, format: parquet,"
            + " region: us-east-1, endpoint: 's3.us-east-1.amazonaws.com'}",
        "GCS | {bucket: my_gcs_bucket, relativePath: /data, format: iceberg}",
        "ABFSS | {account: mystorageacct, container: raw, relativePath: /sales, format: delta,"
            + " endpointSuffix: dfs.core.windows.net}",
        "WASBS | {account: mystorageacct, container: raw, relativePath: /sales, format: delta}",
        "MONGODB | {nodes: ['mongo1:27017', 'mongo2:27017'], subprotocol: 'mongodb+srv', params:"
            + " {authSource: admin, replicaSet: rs0}}",
        "KAFKA | {brokers: [kafka1:9092, kafka2:9092], schemaRegistryUrl:"
            + " 'http://schema-registry:8081'}",
        "EVENTHUB | {endpoint: 'sb://my-namespace.servicebus.windows.net/'}",
        "ELASTICSEARCH | {nodes: ['es1:9200', 'https://es2:9200']}",
        "OPENSEARCH | {nodes: 'os1:9200,os2:9200'}",
        "PULSAR | {adminUrl: 'http://pulsar:8080', serviceUrl: 'pulsar://pulsar:6650', tenant:"
            + " public}",
        "FILE | {path: /data/landing, format: csv}"
      })
  void everyTableRowAppliesInBothShapes(String type, String block) {
    String instance =
        "name: d\nversion: v2alpha\ntype: depot\ndepot:\n  type: "
            + type
            + "\n  secrets: [{name: d-r, allkeys: true}]\n  "
            + type.toLowerCase()
            + ": "
            + block
            + "\n";
    String tenant =
        "name: d\nversion: v2alpha\ntype: depot\nspec:\n  type: "
            + type
            + "\n  spec: "
            + block
            + "\n  secrets: [{id: 'engineering:cred', purpose: rw}]\n";

    for (String yaml : new String[] {instance, tenant}) {
      DepotManifest m = DepotManifestValidator.validate(parser.parse(yaml, false).get(0), ctx);
      assertThat(m.sourceType()).isEqualTo(SourceType.lookup(type).orElseThrow());
      assertThat(m.connection()).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "postgresql | {subprotocol: postgresql, host: db.internal, port: 5432, database: orders,"
            + " params: {sslmode: disable}}",
        "mssql | {subprotocol: sqlserver, host: db.internal, port: 1433, database: orders}",
        "oracle | {subprotocol: 'oracle:thin', host: db.internal, port: 1521, service: ORCL}",
        "redshift | {host: db.internal, port: 5439, database: dev}",
        "mysql | {host: db.internal, port: 3306}"
      })
  void aJdbcDepotWithABlockNamedAfterItsDatabaseApplies(String blockName, String block) {
    String yaml =
        "name: d\nversion: v2alpha\ntype: depot\ndepot:\n  type: JDBC\n"
            + "  secrets: [{name: d-r, allkeys: true}]\n  "
            + blockName
            + ": "
            + block
            + "\n";
    DepotManifest m = DepotManifestValidator.validate(parser.parse(yaml, false).get(0), ctx);
    assertThat(m.declaredType()).isEqualTo("JDBC");
    assertThat(m.connection()).containsEntry("host", "db.internal");
  }
}
