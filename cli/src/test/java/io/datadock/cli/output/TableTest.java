package io.datadock.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static String golden(String name) throws IOException {
    try (InputStream in = TableTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void secretsAreListedLikeDataosCtl() throws Exception {
    JsonNode items =
        JSON.readTree(
            """
            [{"name": "snowflake-cred", "version": "v2alpha", "type": "secret",
              "workspace": null, "status": "active", "runtime": null, "owner": "admin"},
             {"name": "pg", "version": "v2alpha", "type": "secret",
              "workspace": "public", "status": "active", "runtime": null, "owner": "ana"}]
            """);
    Table table = ResourceDetails.summaryTable();
    items.forEach(i -> ResourceDetails.addRow(table, i));
    assertThat(table.render()).isEqualTo(golden("get-secrets.txt"));
  }

  @Test
  void aRowCanBeAlignedWithTheTableAfterwards() {
    Table table = new Table("NAME", "OWNER").row("snowflake-cred", "admin");

    assertThat(table.align("pg", "ana") + " | ADDED").isEqualTo("pg             | ana   | ADDED");
    assertThat(table.align("a-much-longer-name", "ana"))
        .as("a wider cell pushes the rest right")
        .isEqualTo("a-much-longer-name | ana  ");
    assertThat(table.render()).as("not added").doesNotContain("pg");
  }

  @Test
  void anEmptyListIsTheHeaderAndSeparator() throws Exception {
    assertThat(ResourceDetails.summaryTable().render()).isEqualTo(golden("get-empty.txt"));
  }

  @Test
  void aDepotsDetailsShowReferencesAndCheckSteps() throws Exception {
    JsonNode depot =
        JSON.readTree(
            """
            {"name": "pgdepot", "type": "depot", "details": {
              "references": [{"secret": "default/pg-cred", "state": "granted"}],
              "checking": false,
              "check": {"passed": true, "steps": [
                {"name": "resolve credentials", "status": "passed", "message": "ok"},
                {"name": "reach host", "status": "passed", "message": "localhost:5432"}]}}}
            """);
    assertThat(ResourceDetails.details(depot)).isEqualTo(golden("depot-details.txt"));
  }
}
