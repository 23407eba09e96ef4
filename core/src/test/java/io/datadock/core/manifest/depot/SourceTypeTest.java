package io.datadock.core.manifest.depot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SourceTypeTest {

  @Test
  void lookupIsCaseInsensitiveAndKnowsAliases() {
    assertThat(SourceType.lookup("POSTGRESQL")).contains(SourceType.POSTGRES);
    assertThat(SourceType.lookup("postgresql")).contains(SourceType.POSTGRES);
    assertThat(SourceType.lookup("Postgres")).contains(SourceType.POSTGRES);
    assertThat(SourceType.lookup("SQLServer")).contains(SourceType.MSSQL);
    assertThat(SourceType.lookup("S3")).contains(SourceType.S3);
    assertThat(SourceType.lookup("teradata")).isEmpty();
    assertThat(SourceType.lookup(null)).isEmpty();
  }

  @Test
  void everyTypeIsFoundByItsCanonicalName() {
    for (SourceType type : SourceType.values()) {
      assertThat(type.canonical()).isLowerCase();
      assertThat(SourceType.lookup(type.canonical())).contains(type);
    }
  }

  @Test
  void ofCanonicalTakesOnlyTheCanonicalSpelling() {
    for (SourceType type : SourceType.values()) {
      assertThat(SourceType.ofCanonical(type.canonical())).contains(type);
    }
    // what the topics carry is canonical: aliases and other spellings are resolved before
    assertThat(SourceType.ofCanonical("postgresql")).isEmpty();
    assertThat(SourceType.ofCanonical("sqlserver")).isEmpty();
    assertThat(SourceType.ofCanonical("Postgres")).isEmpty();
    assertThat(SourceType.ofCanonical("teradata")).isEmpty();
    assertThat(SourceType.ofCanonical(null)).isEmpty();
  }

  @Test
  void knownListsCanonicalNamesSorted() {
    assertThat(SourceType.known()).startsWith("abfss, bigquery, elasticsearch, eventhub, file");
    assertThat(SourceType.known().split(", ")).hasSize(SourceType.values().length).isSorted();
  }

  @Test
  void onlyPulsarAndFileNeedNoSecrets() {
    assertThat(Arrays.stream(SourceType.values()).filter(t -> !t.needsSecrets()))
        .containsExactlyInAnyOrder(SourceType.PULSAR, SourceType.FILE);
  }

  @Test
  void fieldsFollowTheTable() {
    assertThat(SourceType.POSTGRES.fields())
        .containsExactly(
            new FieldSpec("host", FieldKind.HOST, true),
            new FieldSpec("port", FieldKind.PORT, true),
            new FieldSpec("database", FieldKind.IDENTIFIER, true),
            new FieldSpec("params", FieldKind.JDBC_PARAMS, false),
            new FieldSpec("subprotocol", FieldKind.SUBPROTOCOL, false));
    assertThat(SourceType.JDBC.fields())
        .contains(new FieldSpec("port", FieldKind.PORT, false))
        .contains(new FieldSpec("subprotocol", FieldKind.SUBPROTOCOL, true));
    assertThat(SourceType.SNOWFLAKE.fields())
        .contains(new FieldSpec("url", FieldKind.URL, true))
        .contains(new FieldSpec("warehouse", FieldKind.IDENTIFIER, true));
    assertThat(SourceType.REDSHIFT.fields())
        .as("redshift's URL takes params, so they are checked like the other JDBC types'")
        .contains(new FieldSpec("params", FieldKind.JDBC_PARAMS, false));
    assertThat(SourceType.KAFKA.fields())
        .contains(new FieldSpec("brokers", FieldKind.STRING_LIST, true));
    assertThat(SourceType.FILE.fields())
        .containsExactly(
            new FieldSpec("path", FieldKind.STRING, true),
            new FieldSpec("format", FieldKind.STRING, false));
    for (SourceType type : SourceType.values()) {
      assertThat(type.fields()).anyMatch(FieldSpec::required);
    }
  }
}
