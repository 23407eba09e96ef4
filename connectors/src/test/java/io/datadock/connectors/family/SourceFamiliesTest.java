package io.datadock.connectors.family;

import static io.datadock.core.manifest.depot.SourceType.ABFSS;
import static io.datadock.core.manifest.depot.SourceType.BIGQUERY;
import static io.datadock.core.manifest.depot.SourceType.ELASTICSEARCH;
import static io.datadock.core.manifest.depot.SourceType.EVENTHUB;
import static io.datadock.core.manifest.depot.SourceType.FILE;
import static io.datadock.core.manifest.depot.SourceType.GCS;
import static io.datadock.core.manifest.depot.SourceType.JDBC;
import static io.datadock.core.manifest.depot.SourceType.KAFKA;
import static io.datadock.core.manifest.depot.SourceType.MONGODB;
import static io.datadock.core.manifest.depot.SourceType.MSSQL;
import static io.datadock.core.manifest.depot.SourceType.MYSQL;
import static io.datadock.core.manifest.depot.SourceType.OPENSEARCH;
import static io.datadock.core.manifest.depot.SourceType.ORACLE;
import static io.datadock.core.manifest.depot.SourceType.POSTGRES;
import static io.datadock.core.manifest.depot.SourceType.PULSAR;
import static io.datadock.core.manifest.depot.SourceType.REDSHIFT;
import static io.datadock.core.manifest.depot.SourceType.S3;
import static io.datadock.core.manifest.depot.SourceType.SNOWFLAKE;
import static io.datadock.core.manifest.depot.SourceType.WASBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.bigquery.BigQueryCheck;
import io.datadock.connectors.bigquery.BigQueryScanner;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.eventhub.EventHubCheck;
import io.datadock.connectors.eventhub.EventHubScanner;
import io.datadock.connectors.file.FileCheck;
import io.datadock.connectors.jdbc.GenericJdbcCheck;
import io.datadock.connectors.jdbc.JdbcFamily;
import io.datadock.connectors.jdbc.MsSqlCheck;
import io.datadock.connectors.jdbc.MySqlCheck;
import io.datadock.connectors.jdbc.OracleCheck;
import io.datadock.connectors.jdbc.PostgresCheck;
import io.datadock.connectors.jdbc.RedshiftCheck;
import io.datadock.connectors.kafka.KafkaCheck;
import io.datadock.connectors.kafka.KafkaFamily;
import io.datadock.connectors.mongodb.MongoCheck;
import io.datadock.connectors.mongodb.MongoScanner;
import io.datadock.connectors.objectstore.azure.AzureCheck;
import io.datadock.connectors.objectstore.azure.AzureScanner;
import io.datadock.connectors.objectstore.gcs.GcsCheck;
import io.datadock.connectors.objectstore.gcs.GcsScanner;
import io.datadock.connectors.objectstore.s3.S3Scanner;
import io.datadock.connectors.pulsar.PulsarCheck;
import io.datadock.connectors.pulsar.PulsarScanner;
import io.datadock.connectors.scan.file.FileScanner;
import io.datadock.connectors.scan.jdbc.DatabaseMetaDataScanner;
import io.datadock.connectors.scan.jdbc.MySqlScanner;
import io.datadock.connectors.scan.jdbc.PostgresScanner;
import io.datadock.connectors.scan.kafka.KafkaScanner;
import io.datadock.connectors.scan.objectstore.ObjectStoreScanner;
import io.datadock.connectors.search.SearchCheck;
import io.datadock.connectors.search.SearchScanner;
import io.datadock.connectors.snowflake.SnowflakeCheck;
import io.datadock.connectors.snowflake.SnowflakeScanner;
import io.datadock.core.manifest.depot.SourceType;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceFamiliesTest {

  @Test
  void everyTypeIsServedByExactlyOneFamilyOrDeclaredWithoutALiveCheck() {
    Map<SourceType, Integer> served = new EnumMap<>(SourceType.class);
    for (SourceFamily family : SourceFamilies.all()) {
      family.serves().forEach(support -> served.merge(support.type(), 1, Integer::sum));
    }
    for (SourceType type : SourceType.values()) {
      boolean withoutCheck = SourceFamilies.withoutLiveCheck().contains(type);
      assertThat(served.getOrDefault(type, 0))
          .as("families serving %s (declared without a live check: %s)", type, withoutCheck)
          .isEqualTo(withoutCheck ? 0 : 1);
    }
    assertThat(SourceFamilies.served())
        .containsExactly(
            POSTGRES,
            MYSQL,
            MSSQL,
            ORACLE,
            JDBC,
            REDSHIFT,
            SNOWFLAKE,
            BIGQUERY,
            S3,
            GCS,
            ABFSS,
            WASBS,
            MONGODB,
            KAFKA,
            EVENTHUB,
            ELASTICSEARCH,
            OPENSEARCH,
            PULSAR,
            FILE);
    assertThat(SourceFamilies.served()).containsAll(EnumSet.allOf(SourceType.class));
  }

  @Test
  void everyServedTypeHasItsFamilysCheck() {
    assertThat(SourceFamilies.check(POSTGRES)).containsInstanceOf(PostgresCheck.class);
    assertThat(SourceFamilies.check(MYSQL)).containsInstanceOf(MySqlCheck.class);
    assertThat(SourceFamilies.check(MSSQL)).containsInstanceOf(MsSqlCheck.class);
    assertThat(SourceFamilies.check(ORACLE)).containsInstanceOf(OracleCheck.class);
    assertThat(SourceFamilies.check(REDSHIFT)).containsInstanceOf(RedshiftCheck.class);
    assertThat(SourceFamilies.check(JDBC)).containsInstanceOf(GenericJdbcCheck.class);
    assertThat(SourceFamilies.check(KAFKA)).containsInstanceOf(KafkaCheck.class);
    assertThat(SourceFamilies.check(FILE)).containsInstanceOf(FileCheck.class);
    assertThat(SourceFamilies.check(ABFSS)).containsInstanceOf(AzureCheck.class);
    assertThat(SourceFamilies.check(WASBS)).containsInstanceOf(AzureCheck.class);
    assertThat(SourceFamilies.check(EVENTHUB)).containsInstanceOf(EventHubCheck.class);
    assertThat(SourceFamilies.check(ELASTICSEARCH)).containsInstanceOf(SearchCheck.class);
    assertThat(SourceFamilies.check(OPENSEARCH)).containsInstanceOf(SearchCheck.class);
    assertThat(SourceFamilies.check(MONGODB)).containsInstanceOf(MongoCheck.class);
    assertThat(SourceFamilies.check(PULSAR)).containsInstanceOf(PulsarCheck.class);
    assertThat(SourceFamilies.check(GCS)).containsInstanceOf(GcsCheck.class);
    assertThat(SourceFamilies.check(BIGQUERY)).containsInstanceOf(BigQueryCheck.class);
    assertThat(SourceFamilies.check(SNOWFLAKE)).containsInstanceOf(SnowflakeCheck.class);
  }

  @Test
  void everyServedTypeHasItsFamilysScanner() {
    assertThat(SourceFamilies.scanner(POSTGRES)).containsInstanceOf(PostgresScanner.class);
    assertThat(SourceFamilies.scanner(REDSHIFT)).containsInstanceOf(PostgresScanner.class);
    assertThat(SourceFamilies.scanner(MYSQL)).containsInstanceOf(MySqlScanner.class);
    assertThat(SourceFamilies.scanner(MSSQL)).containsInstanceOf(DatabaseMetaDataScanner.class);
    assertThat(SourceFamilies.scanner(ORACLE)).containsInstanceOf(DatabaseMetaDataScanner.class);
    assertThat(SourceFamilies.scanner(JDBC)).containsInstanceOf(DatabaseMetaDataScanner.class);
    assertThat(SourceFamilies.scanner(KAFKA)).containsInstanceOf(KafkaScanner.class);
    assertThat(SourceFamilies.scanner(FILE)).containsInstanceOf(FileScanner.class);
    assertThat(SourceFamilies.scanner(ABFSS)).containsInstanceOf(AzureScanner.class);
    assertThat(SourceFamilies.scanner(WASBS)).containsInstanceOf(AzureScanner.class);
    assertThat(SourceFamilies.scanner(EVENTHUB)).containsInstanceOf(EventHubScanner.class);
    assertThat(SourceFamilies.scanner(OPENSEARCH)).containsInstanceOf(SearchScanner.class);
    assertThat(SourceFamilies.scanner(MONGODB)).containsInstanceOf(MongoScanner.class);
    assertThat(SourceFamilies.scanner(PULSAR)).containsInstanceOf(PulsarScanner.class);
    assertThat(SourceFamilies.scanner(GCS)).containsInstanceOf(GcsScanner.class);
    assertThat(SourceFamilies.scanner(BIGQUERY)).containsInstanceOf(BigQueryScanner.class);
    assertThat(SourceFamilies.scanner(SNOWFLAKE)).containsInstanceOf(SnowflakeScanner.class);
  }

  @Test
  void typesWithoutALiveCheckFindNothing() {
    for (SourceType type : SourceFamilies.withoutLiveCheck()) {
      assertThat(SourceFamilies.check(type)).as("check of %s", type).isEmpty();
      assertThat(SourceFamilies.scanner(type)).as("scanner of %s", type).isEmpty();
    }
    // snowflake was the last: every type has a live check now
    assertThat(SourceFamilies.withoutLiveCheck()).isEmpty();
    assertThat(SourceFamilies.check(null)).isEmpty();
    assertThat(SourceFamilies.scanner(null)).isEmpty();
  }

  @Test
  void eachJdbcLoginIsForItsOwnType() {
    JdbcFamily jdbc = new JdbcFamily();
    for (SourceSupport support : jdbc.serves()) {
      assertThat(jdbc.login(support.type()).orElseThrow().type())
          .isEqualTo(support.type().canonical());
    }
    assertThat(jdbc.login(KAFKA)).isEmpty();
  }

  @Test
  void aJdbcConnectionGoesToItsHostAndPortOrTheTypesDefaultPort() {
    assertThat(destinations("postgres", Map.of("host", "db", "port", 6543, "database", "d")))
        .containsExactly(new Destination.Endpoint("db", 6543));
    assertThat(destinations("mysql", Map.of("host", " db ")))
        .containsExactly(new Destination.Endpoint("db", 3306));
    assertThat(destinations("postgres", Map.of("port", 5432))).isEmpty();
    assertThat(destinations("postgres", Map.of("host", "db", "port", 70000))).isEmpty();
  }

  @Test
  void aKafkaConnectionGoesToEveryBroker() {
    assertThat(destinations("kafka", Map.of("brokers", List.of("a:9093", "b"))))
        .containsExactly(new Destination.Endpoint("a", 9093), new Destination.Endpoint("b", 9092));
    assertThat(destinations("kafka", Map.of("brokers", "a:1,b:2")))
        .containsExactly(new Destination.Endpoint("a", 1), new Destination.Endpoint("b", 2));
  }

  @Test
  void anEventHubConnectionGoesToItsNamespacesKafkaEndpoint() {
    assertThat(destinations("eventhub", Map.of("endpoint", "sb://ns.servicebus.windows.net/")))
        .containsExactly(new Destination.Endpoint("ns.servicebus.windows.net", 9093));
    assertThat(destinations("eventhub", Map.of("endpoint", "sb://127.0.0.1:19093")))
        .containsExactly(new Destination.Endpoint("127.0.0.1", 19093));
    assertThat(destinations("eventhub", Map.of("endpoint", "https://ns/"))).isEmpty();
    assertThat(destinations("eventhub", Map.of("endpoint", "sb://ns/hub?x=1"))).isEmpty();
  }

  @Test
  void aSearchConnectionGoesToEveryNodeOnPort9200ByDefault() {
    assertThat(destinations("opensearch", Map.of("nodes", List.of("a", "http://b:9201"))))
        .containsExactly(new Destination.Endpoint("a", 9200), new Destination.Endpoint("b", 9201));
    assertThat(destinations("elasticsearch", Map.of("nodes", List.of("https://u@a:9200"))))
        .isEmpty();
  }

  @Test
  void aMongoConnectionGoesToEveryNodeOnPort27017ByDefault() {
    assertThat(destinations("mongodb", Map.of("nodes", "a,b:27018")))
        .containsExactly(
            new Destination.Endpoint("a", 27017), new Destination.Endpoint("b", 27018));
    assertThat(destinations("mongodb", Map.of("nodes", "c.example", "subprotocol", "mongodb+srv")))
        .isEmpty();
  }

  @Test
  void aPulsarConnectionGoesToItsAdminUrl() {
    assertThat(
            destinations("pulsar", Map.of("adminUrl", "https://admin.example", "serviceUrl", "x")))
        .containsExactly(new Destination.Endpoint("admin.example", 8443));
    assertThat(destinations("pulsar", Map.of("adminUrl", "pulsar://b:6650"))).isEmpty();
  }

  @Test
  void aFileConnectionGoesToItsPath() {
    assertThat(destinations("file", Map.of("path", "/data/in")))
        .containsExactly(new Destination.LocalPath(Path.of("/data/in")));
    assertThat(destinations("file", Map.of("path", " "))).isEmpty();
    assertThat(destinations("file", Map.of("path", "bad\0path"))).isEmpty();
  }

  @Test
  void anAzureConnectionGoesToItsAccountsBlobEndpointOrToItsEndpoint() {
    assertThat(
            destinations(
                "abfss",
                Map.of(
                    "account",
                    "acct",
                    "container",
                    "raw",
                    "endpointSuffix",
                    "dfs.core.windows.net")))
        .containsExactly(new Destination.Endpoint("acct.blob.core.windows.net", 443));
    assertThat(
            destinations(
                "wasbs",
                Map.of(
                    "account", "acct", "container", "raw", "endpoint", "http://127.0.0.1:10000")))
        .containsExactly(new Destination.Endpoint("127.0.0.1", 10000));
    assertThat(destinations("wasbs", Map.of("account", "acct"))).isEmpty();
  }

  @Test
  void aSnowflakeConnectionGoesToItsUrlsHostAndPort() {
    assertThat(
            destinations(
                "snowflake",
                Map.of("url", "acme.snowflakecomputing.com", "database", "D", "warehouse", "W")))
        .containsExactly(new Destination.Endpoint("acme.snowflakecomputing.com", 443));
    assertThat(
            destinations(
                "snowflake",
                Map.of(
                    "url",
                    "http://127.0.0.1:8085",
                    "account",
                    "a",
                    "database",
                    "D",
                    "warehouse",
                    "W")))
        .containsExactly(new Destination.Endpoint("127.0.0.1", 8085));
    assertThat(destinations("snowflake", Map.of("url", "https://x", "host", "db"))).isEmpty();
  }

  @Test
  void aliasesAndUnknownNamesGoNowhere() {
    // aliases are resolved by the manifest layer; the topics carry canonical names
    assertThat(destinations("postgresql", Map.of("host", "db", "port", 5432))).isEmpty();
    assertThat(destinations("teradata", Map.of("host", "db", "port", 5432))).isEmpty();
  }

  @Test
  void aGcsConnectionGoesToItsEndpointOrToGooglesStorageApi() {
    assertThat(destinations("gcs", Map.of("bucket", "lake")))
        .containsExactly(new Destination.Endpoint("storage.googleapis.com", 443));
    assertThat(destinations("gcs", Map.of("bucket", "lake", "endpoint", "http://127.0.0.1:4443")))
        .containsExactly(new Destination.Endpoint("127.0.0.1", 4443));
    assertThat(destinations("gcs", Map.of("bucket", "lake", "endpoint", "ftp://h"))).isEmpty();
    assertThat(destinations("gcs", Map.of("endpoint", "http://127.0.0.1:4443"))).isEmpty();
  }

  @Test
  void aBigQueryConnectionGoesToItsEndpointOrToGooglesApi() {
    assertThat(destinations("bigquery", Map.of("project", "p")))
        .containsExactly(new Destination.Endpoint("bigquery.googleapis.com", 443));
    assertThat(
            destinations("bigquery", Map.of("project", "p", "endpoint", "http://127.0.0.1:9050")))
        .containsExactly(new Destination.Endpoint("127.0.0.1", 9050));
    assertThat(destinations("bigquery", Map.of("endpoint", "http://127.0.0.1:9050"))).isEmpty();
  }

  @Test
  void aTypeServedTwiceIsRefused() {
    List<SourceFamily> twice = List.of(new KafkaFamily(), new KafkaFamily());

    assertThatThrownBy(() -> SourceFamilies.index(twice))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("source type kafka is served twice (kafka)");
  }

  private static List<Destination> destinations(String type, Map<String, Object> fields) {
    return SourceFamilies.destinations(new SourceConnection(type, fields));
  }

  @Test
  void theOperatorsObjectBudgetBoundsObjectStoreScansAndLeavesTheOthersAlone() {
    var scanners = SourceFamilies.scanners(250);

    assertThat(scanners.apply(ABFSS).orElseThrow()).extracting("objectBudget").isEqualTo(250);
    assertThat(scanners.apply(S3))
        .hasValueSatisfying(
            s ->
                assertThat(s)
                    .isInstanceOf(S3Scanner.class)
                    .extracting("objectBudget")
                    .isEqualTo(250));
    assertThat(scanners.apply(GCS).orElseThrow()).extracting("objectBudget").isEqualTo(250);
    assertThat(scanners.apply(POSTGRES)).isEqualTo(SourceFamilies.scanner(POSTGRES));
    assertThat(((S3Scanner) SourceFamilies.scanner(S3).orElseThrow()).objectBudget())
        .isEqualTo(ObjectStoreScanner.DEFAULT_OBJECT_BUDGET);
  }
}
