package io.datadock.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static String golden(String name) throws IOException {
    try (InputStream in = TableTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<JsonNode> items(String json) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(json).forEach(items::add);
    return items;
  }

  @Test
  void aTableIsLaidOutAsDataosCtlLaysItOut() {
    String table =
        new Table("NAME", "VERSION", "TYPE", "OWNER")
            .row("snowflake-sales", "v2alpha", "depot", "johndoetmdcio")
            .row("pg", "v1", "secret", "ana")
            .render();
    assertThat(table)
        .isEqualTo(
            "      NAME       | VERSION |  TYPE  |     OWNER\n"
                + "-----------------+---------+--------+---------------\n"
                + " snowflake-sales | v2alpha | depot  | johndoetmdcio\n"
                + " pg              | v1      | secret | ana\n");
  }

  @Test
  void headersAreCenteredWithAnOddSpaceOnTheRight() {
    assertThat(Table.center("TYPE", 5)).isEqualTo("TYPE ");
    assertThat(Table.center("NAME", 15)).isEqualTo("     NAME      ");
    assertThat(Table.center("VERSION", 7)).isEqualTo("VERSION");
  }

  @Test
  void tenantLevelResourcesAreListedWithoutAWorkspaceColumn() throws Exception {
    List<JsonNode> items =
        items(
            """
            [{"name": "snowflake-cred", "version": "v2alpha", "type": "secret",
              "workspace": null, "status": "active", "runtime": null, "owner": "johndoetmdcio"}]
            """);
    assertThat(ResourceTable.of(items).render())
        .isEqualTo(String.join("\n", golden("get-secret.txt").lines().skip(3).toList()) + "\n");
  }

  @Test
  void aWorkspaceLevelResourceBringsTheWorkspaceColumn() throws Exception {
    List<JsonNode> items =
        items(
            """
            [{"name": "snowflake-cred", "version": "v2alpha", "type": "secret",
              "workspace": null, "status": "active", "runtime": null, "owner": "admin"},
             {"name": "pg", "version": "v1", "type": "secret",
              "workspace": "public", "status": "active", "runtime": null, "owner": "ana"}]
            """);
    assertThat(ResourceTable.of(items).render()).isEqualTo(golden("get-secrets.txt"));
  }

  @Test
  void aRowCanBeAlignedWithTheTableAfterwards() {
    Table table = new Table("NAME", "OWNER").row("snowflake-cred", "admin");

    assertThat(table.align("pg", "ana") + " | ADDED").isEqualTo(" pg             | ana   | ADDED");
    assertThat(table.align("a-much-longer-name", "ana"))
        .as("a wider cell pushes the rest right")
        .isEqualTo(" a-much-longer-name | ana  ");
    assertThat(table.render()).as("not added").doesNotContain("pg");
  }

  @Test
  void anEmptyListIsTheHeaderAndTheRule() throws Exception {
    assertThat(ResourceTable.of(List.of()).render()).isEqualTo(golden("get-empty.txt"));
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
