package io.datadock.core.manifest.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.manifest.ApplyContext;
import io.datadock.core.manifest.ManifestLimits;
import io.datadock.core.manifest.ManifestParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepotManifestValidatorTest {

  private final ManifestParser parser = new ManifestParser(ManifestLimits.defaults());
  private final ApplyContext ctx = new ApplyContext("alice", "engineering", null, null);

  static final String TENANT_SEED =
      """
      name: snowflake-sales
      version: v2alpha
      type: depot
      tenant: engineering
      layer: user
      spec:
        type: snowflake
        spec: {url: https://acme.snowflakecomputing.com, database: SALES_DB, warehouse: COMPUTE_WH, role: SALES_READER}
        secrets:
          - {id: "engineering:snowflake-cred", purpose: rw}
          - {id: "engineering:snowflake-cred", purpose: scan}
          - {id: "engineering:snowflake-cred", purpose: query}
      """;

  static final String INSTANCE_SEED =
      """
      name: pgdepot
      version: v2alpha
      type: depot
      layer: user
      depot:
        type: POSTGRESQL
        description: Orders database
        external: true
        source: pgdepot
        secrets:
          - {name: pgdepot-r, allkeys: true}
          - {name: pgdepot-rw, allkeys: true}
        postgresql: {subprotocol: postgresql, host: db.internal, port: 5432, database: orders, params: {sslmode: disable}}
      """;

  private DepotManifest validate(String yaml) {
    return DepotManifestValidator.validate(parser.parse(yaml, false).get(0), ctx);
  }

  private void assertInvalid(String yaml, String field, String messagePart) {
    assertThatThrownBy(() -> validate(yaml))
        .isInstanceOfSatisfying(
            DatadockException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID);
              assertThat(e.field()).isEqualTo(field);
            })
        .hasMessageContaining(messagePart);
  }

  @Test
  void theTenantShapeSeedMergesPurposesOfOneSecret() {
    DepotManifest m = validate(TENANT_SEED);

    assertThat(m.key().toString()).isEqualTo("engineering/depot/snowflake-sales");
    assertThat(m.manifestVersion()).isEqualTo("v2alpha");
    assertThat(m.shape()).isEqualTo(DepotShape.TENANT);
    assertThat(m.sourceType()).isEqualTo(SourceType.SNOWFLAKE);
    assertThat(m.declaredType()).isEqualTo("snowflake");
    assertThat(m.owner()).isEqualTo("alice");
    assertThat(m.layer()).isEqualTo("user");
    assertThat(m.connection())
        .containsExactly(
            Map.entry("database", "SALES_DB"),
            Map.entry("role", "SALES_READER"),
            Map.entry("url", "https://acme.snowflakecomputing.com"),
            Map.entry("warehouse", "COMPUTE_WH"));
    assertThat(m.secrets()).hasSize(1);
    SecretReference ref = m.secrets().get(0);
    assertThat(ref.secret().toString()).isEqualTo("engineering/secret/snowflake-cred");
    assertThat(ref.purposes()).containsExactly("query", "rw", "scan");
    assertThat(ref.keys()).isEmpty();
    assertThat(m.external()).isFalse();
    assertThat(m.source()).isEqualTo("snowflake-sales");
    assertThat(m.resourceVersion()).isNull();
  }

  @Test
  void theInstanceShapeSeedReadsThePostgresqlBlock() {
    DepotManifest m = validate(INSTANCE_SEED);

    assertThat(m.key().toString()).isEqualTo("engineering/depot/pgdepot");
    assertThat(m.shape()).isEqualTo(DepotShape.INSTANCE_SECRET);
    assertThat(m.sourceType()).isEqualTo(SourceType.POSTGRES);
    assertThat(m.declaredType()).isEqualTo("POSTGRESQL");
    assertThat(m.description()).isEqualTo("Orders database");
    assertThat(m.external()).isTrue();
    assertThat(m.source()).isEqualTo("pgdepot");
    assertThat(m.connection())
        .containsExactly(
            Map.entry("database", "orders"),
            Map.entry("host", "db.internal"),
            Map.entry("params", Map.of("sslmode", "disable")),
            Map.entry("port", 5432),
            Map.entry("subprotocol", "postgresql"));
    assertThat(m.secrets())
        .extracting(r -> r.secret().toString())
        .containsExactly(
            "engineering/instance-secret/pgdepot-r", "engineering/instance-secret/pgdepot-rw");
    assertThat(m.secrets()).allSatisfy(r -> assertThat(r.purposes()).isEmpty());
    assertThat(m.secrets()).allSatisfy(r -> assertThat(r.keys()).isEmpty());
  }

  @Test
  void typeNamesAndConnectionBlocksAcceptAliasesInAnyCase() {
    for (String type : List.of("POSTGRESQL", "postgresql", "Postgres", "postgres")) {
      DepotManifest m = validate(INSTANCE_SEED.replace("type: POSTGRESQL", "type: " + type));
      assertThat(m.sourceType()).isEqualTo(SourceType.POSTGRES);
      assertThat(m.declaredType()).isEqualTo(type);
    }
    String postgresBlock = INSTANCE_SEED.replace("  postgresql: {", "  postgres: {");
    assertThat(validate(postgresBlock).connection()).containsEntry("port", 5432);
    assertThat(validate(TENANT_SEED.replace("type: snowflake", "type: SNOWFLAKE")).sourceType())
        .isEqualTo(SourceType.SNOWFLAKE);
  }

  @Test
  void aJdbcDepotReadsAJdbcBlock() {
    String jdbc =
        INSTANCE_SEED.replace("type: POSTGRESQL", "type: JDBC").replace("postgresql: {", "jdbc: {");
    DepotManifest m = validate(jdbc);
    assertThat(m.sourceType()).isEqualTo(SourceType.JDBC);
    assertThat(m.connection()).containsEntry("subprotocol", "postgresql");
  }

  @Test
  void theSeedsJdbcDepotWithAPostgresqlBlockIsAPostgresDepotDeclaredAsJdbc() {
    // MANIFESTS.md §5 as DataOS users write it: type JDBC, connection in a postgresql: block.
    DepotManifest m = validate(INSTANCE_SEED.replace("type: POSTGRESQL", "type: JDBC"));
    assertThat(m.sourceType()).isEqualTo(SourceType.POSTGRES);
    assertThat(m.declaredType()).isEqualTo("JDBC");
    assertThat(m.connection()).containsEntry("host", "db.internal").containsEntry("port", 5432);
  }

  @Test
  void aJdbcDepotWithoutAnyConnectionBlockNamesTheJdbcBlock() {
    String noBlock =
        INSTANCE_SEED
            .replace("type: POSTGRESQL", "type: JDBC")
            .replace("postgresql: {", "unrelated: {");
    assertInvalid(noBlock, "depot.jdbc", "depot.jdbc is required for type JDBC");
  }

  @Test
  void twoBlocksForOneTypeAreRefused() {
    assertInvalid(
        INSTANCE_SEED + "  postgres: {host: other, port: 1, database: d}\n",
        "depot.postgres",
        "give one connection block");
  }

  @Test
  void instanceSecretsMayNameKeys() {
    DepotManifest m =
        validate(
            INSTANCE_SEED.replace(
                "{name: pgdepot-r, allkeys: true}",
                "{name: pgdepot-r, keys: [username, password]}"));
    assertThat(m.secrets().get(0).keys()).containsExactly("username", "password");
    assertThat(m.secrets().get(1).keys()).isEmpty();
  }

  @Test
  void aKeysEntryNamingTheSecretItselfMeansTheWholeSecretAsDataOsWritesIt() {
    DepotManifest m =
        validate(
            INSTANCE_SEED
                .replace("{name: pgdepot-r, allkeys: true}", "{name: pgdepot-r, keys: [pgdepot-r]}")
                .replace(
                    "{name: pgdepot-rw, allkeys: true}",
                    "{name: pgdepot-rw, keys: [username, pgdepot-rw]}"));
    assertThat(m.secrets().get(0).keys()).isEmpty();
    assertThat(m.secrets().get(1).keys()).isEmpty();

    // another secret's name is just a key name
    DepotManifest other =
        validate(
            INSTANCE_SEED.replace(
                "{name: pgdepot-r, allkeys: true}", "{name: pgdepot-r, keys: [pgdepot-rw]}"));
    assertThat(other.secrets().get(0).keys()).containsExactly("pgdepot-rw");
  }

  @Test
  void shapeErrorsAreNamed() {
    assertInvalid(
        TENANT_SEED + "depot: {type: S3}\n", "spec", "either spec: (tenant shape) or depot:");
    assertInvalid(
        "name: d\nversion: v2alpha\ntype: depot\n",
        "spec",
        "a depot needs spec: (tenant shape) or depot: (instance-secret shape)");
    assertInvalid(
        INSTANCE_SEED.replace("  postgresql: {", "  mysql: {"),
        "depot.postgresql",
        "depot.postgresql is required for type POSTGRESQL");
    assertInvalid(
        TENANT_SEED.replace("  spec: {url", "  options: {url"),
        "spec.spec",
        "spec.spec is required for a snowflake depot");
  }

  @Test
  void headerErrorsAreNamed() {
    assertInvalid(TENANT_SEED.replace("version: v2alpha", "version: v1"), "version", "v2alpha");
    assertInvalid(TENANT_SEED.replace("type: depot", "type: secret"), "type", "type must be depot");
    assertInvalid(TENANT_SEED.replace("snowflake-sales", "Snowflake_Sales"), "name", "must match");
    assertInvalid(TENANT_SEED.replace("layer: user", "layer: admin"), "layer", "user or system");
    assertInvalid(TENANT_SEED + "tags: {a: b}\n", "tags", "list of strings");
    assertInvalid(TENANT_SEED + "resourceVersion: abc\n", "resourceVersion", "number");
  }

  @Test
  void typeErrorsAreNamed() {
    assertInvalid(
        TENANT_SEED.replace("type: snowflake", "type: teradata"),
        "spec.type",
        "unknown source type 'teradata', expected one of abfss, bigquery,");
    assertInvalid(
        INSTANCE_SEED.replace("type: POSTGRESQL", "type: DB2"),
        "depot.type",
        "unknown source type 'DB2'");
    assertInvalid(
        INSTANCE_SEED.replace("  type: POSTGRESQL\n", ""), "depot.type", "depot.type is required");
  }

  @Test
  void connectionErrorsCarryTheFieldPath() {
    assertInvalid(
        TENANT_SEED.replace("warehouse: COMPUTE_WH, ", ""),
        "spec.spec.warehouse",
        "spec.spec.warehouse is required for a snowflake depot");
    assertInvalid(
        INSTANCE_SEED.replace("port: 5432", "port: \"abc\""),
        "depot.postgresql.port",
        "depot.postgresql.port must be a port number between 1 and 65535");
    assertInvalid(
        INSTANCE_SEED.replace("port: 5432", "port: 70000"),
        "depot.postgresql.port",
        "between 1 and 65535");
    assertInvalid(
        INSTANCE_SEED.replace("host: db.internal, ", ""),
        "depot.postgresql.host",
        "is required for a postgres depot");
  }

  @Test
  void tenantSecretReferencesAreChecked() {
    assertInvalid(
        TENANT_SEED.replace(
            "\"engineering:snowflake-cred\", purpose: rw", "snowflake-cred, purpose: rw"),
        "spec.secrets[0].id",
        "must be of the form tenant:name");
    assertInvalid(
        TENANT_SEED.replace(
            "\"engineering:snowflake-cred\", purpose: rw", "\"Eng:x\", purpose: rw"),
        "spec.secrets[0].id",
        "must be of the form tenant:name");
    assertInvalid(
        TENANT_SEED.replace("purpose: scan", "purpose: write"),
        "spec.secrets[1].purpose",
        "unknown purpose 'write', expected rw, scan or query");
    assertInvalid(
        TENANT_SEED.replace(", purpose: query", ""), "spec.secrets[2].purpose", "is required");
  }

  @Test
  void depotsThatNeedSecretsMustReferenceOne() {
    String noSecrets =
        INSTANCE_SEED.substring(0, INSTANCE_SEED.indexOf("  secrets:"))
            + INSTANCE_SEED.substring(INSTANCE_SEED.indexOf("  postgresql:"));
    assertInvalid(
        noSecrets, "depot.secrets", "a postgres depot needs at least one secret reference");
    String tenantNoSecrets = TENANT_SEED.substring(0, TENANT_SEED.indexOf("  secrets:"));
    assertInvalid(
        tenantNoSecrets, "spec.secrets", "a snowflake depot needs at least one secret reference");

    String pulsar =
        "name: events\nversion: v2alpha\ntype: depot\nspec:\n  type: pulsar\n"
            + "  spec: {adminUrl: http://pulsar:8080, serviceUrl: pulsar://pulsar:6650}\n";
    assertThat(validate(pulsar).secrets()).isEmpty();
  }

  @Test
  void instanceSecretsNeedAllkeysOrKeys() {
    assertInvalid(
        INSTANCE_SEED.replace("{name: pgdepot-rw, allkeys: true}", "{name: pgdepot-rw}"),
        "depot.secrets[1].allkeys",
        "depot.secrets[1] needs allkeys: true or keys:");
    assertInvalid(
        INSTANCE_SEED.replace("allkeys: true}", "allkeys: true, keys: [a]}"),
        "depot.secrets[0].keys",
        "both allkeys: true and keys:");
    assertInvalid(
        INSTANCE_SEED.replace("name: pgdepot-r,", "name: PgDepot,"),
        "depot.secrets[0].name",
        "must match");
    assertInvalid(
        INSTANCE_SEED.replace("pgdepot-rw, allkeys", "pgdepot-r, allkeys"),
        "depot.secrets[1].name",
        "more than once");
  }

  @Test
  void aFileDepotNeedsAnAbsolutePath() {
    String file =
        "name: local-files\nversion: v2alpha\ntype: depot\nspec:\n  type: file\n"
            + "  spec: {path: /data/landing, format: PARQUET}\n";
    DepotManifest m = validate(file);
    assertThat(m.connection()).containsEntry("path", "/data/landing");
    assertThat(m.connection()).containsEntry("format", "parquet");
    assertThat(m.secrets()).isEmpty();
    assertInvalid(
        file.replace("/data/landing", "data/landing"),
        "spec.spec.path",
        "spec.spec.path must be an absolute path");
    assertInvalid(file.replace("PARQUET", "avro"), "spec.spec.format", "csv, json or parquet");
  }

  @Test
  void aJsonDocumentWithIntegersAndLongsWorks() {
    String json =
        """
        {"name": "pgdepot", "version": "v2alpha", "type": "depot", "resourceVersion": 7,
         "depot": {"type": "POSTGRESQL", "secrets": [{"name": "pgdepot-r", "allkeys": true}],
                   "postgresql": {"host": "db", "port": 5432, "database": "orders"}}}
        """;
    DepotManifest m = DepotManifestValidator.validate(parser.parse(json, true).get(0), ctx);
    assertThat(m.connection()).containsEntry("port", 5432);
    assertThat(m.resourceVersion()).isEqualTo(7L);

    Map<String, Object> block = new HashMap<>(Map.of("host", "db", "database", "orders"));
    block.put("port", 5432L);
    Map<String, Object> doc =
        Map.of(
            "name", "pgdepot",
            "version", "v2alpha",
            "type", "depot",
            "resourceVersion", 8L,
            "depot",
                Map.of(
                    "type",
                    "postgres",
                    "secrets",
                    List.of(Map.of("name", "pgdepot-r", "keys", List.of("username"))),
                    "postgres",
                    block));
    DepotManifest fromLongs = DepotManifestValidator.validate(doc, ctx);
    assertThat(fromLongs.connection().get("port")).isEqualTo(5432);
    assertThat(fromLongs.resourceVersion()).isEqualTo(8L);
  }

  @Test
  void tenantComesFromTheManifestThenTheRequestThenTheCaller() {
    String noTenant = TENANT_SEED.replace("tenant: engineering\n", "");
    ApplyContext withParam = new ApplyContext("bob", "engineering", "sales", null);
    assertThat(validate(noTenant).tenant()).isEqualTo("engineering");
    assertThat(
            DepotManifestValidator.validate(parser.parse(noTenant, false).get(0), withParam)
                .tenant())
        .isEqualTo("sales");
    assertThat(
            DepotManifestValidator.validate(
                    parser.parse(noTenant + "tenant: ops\n", false).get(0), withParam)
                .tenant())
        .isEqualTo("ops");
    assertThat(validate(INSTANCE_SEED + "tenant: ops\n").secrets().get(0).secret().tenant())
        .isEqualTo("ops");
  }

  @Test
  void aScanBlockIsKeptAndItsRegexesChecked() {
    DepotManifest m =
        validate(
            TENANT_SEED
                + "scan:\n  collections: {include: [public, \"sales_.*\"]}\n"
                + "  datasets: {exclude: [\".*_bak\"]}\n");
    assertThat(m.scan()).containsKeys("collections", "datasets");
    assertThat(validate(TENANT_SEED).scan()).isNull();

    assertInvalid(
        TENANT_SEED + "scan:\n  datasets: {include: [\"(unclosed\"]}\n",
        "scan.datasets.include[0]",
        "not a valid regular expression");
    assertInvalid(TENANT_SEED + "scan:\n  tables: {}\n", "scan.tables", "unknown");
  }

  @Test
  void scanPatternsMustBeLinearTimeAndBounded() {
    assertInvalid(
        TENANT_SEED + "scan:\n  collections: {include: [public, \"(a)\\\\1\"]}\n",
        "scan.collections.include[1]",
        "is not a valid regular expression for linear-time matching (RE2 syntax: no"
            + " backreferences, lookaround or possessive quantifiers): invalid escape sequence");
    assertInvalid(
        TENANT_SEED + "scan:\n  datasets: {exclude: [\"(?<=tmp_).*\"]}\n",
        "scan.datasets.exclude[0]",
        "is not a valid regular expression for linear-time matching");
    assertInvalid(
        TENANT_SEED + "scan:\n  collections: {include: [\"" + "x".repeat(257) + "\"]}\n",
        "scan.collections.include[0]",
        "is longer than 256 characters");
    assertInvalid(
        TENANT_SEED + "scan:\n  collections: {exclude: [\"((a{100}){100}){100}\"]}\n",
        "scan.collections.exclude[0]",
        "repeats too much");
    String many = String.join(", ", java.util.Collections.nCopies(101, "x"));
    assertInvalid(
        TENANT_SEED + "scan:\n  datasets: {include: [" + many + "]}\n",
        "scan.datasets.include",
        "lists 101 patterns, at most 100 are allowed");
    assertThat(validate(TENANT_SEED + "scan:\n  collections: {include: [\"(a|aa)+$\"]}\n").scan())
        .as("a pattern that backtracks in java.util.regex is fine in RE2")
        .containsKey("collections");
  }
}
