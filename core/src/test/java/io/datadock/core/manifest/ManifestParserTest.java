package io.datadock.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestParserTest {

  private final ManifestParser parser = new ManifestParser(ManifestLimits.defaults());

  @Test
  void yamlDocumentsAreSplitAndEmptyOnesSkipped() {
    List<Map<String, Object>> docs = parser.parse("---\nname: a\n---\n---\nname: b\n", false);
    assertThat(docs).extracting(d -> d.get("name")).containsExactly("a", "b");
  }

  @Test
  void jsonObjectsAndArraysParse() {
    assertThat(parser.parse("{\"name\":\"a\"}", true)).hasSize(1);
    assertThat(parser.parse("[{\"name\":\"a\"},{\"name\":\"b\"}]", true)).hasSize(2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void onlyASecretsDataKeepsItsScalarsAsTextOtherFieldsKeepTheirReading() {
    Map<String, Object> secret =
        parser
            .parse(
                "name: a\nversion: v1\ntype: instance-secret\ninstance-secret:\n  acl: r\n"
                    + "  data: {port: 5432, on: yes}\n  other: {port: 5432}\n",
                false)
            .get(0);
    Map<String, Object> block = (Map<String, Object>) secret.get("instance-secret");
    assertThat((Map<String, Object>) block.get("data")).containsEntry("port", "5432");
    assertThat((Map<String, Object>) block.get("data")).containsEntry("on", "yes");
    assertThat((Map<String, Object>) block.get("other")).containsEntry("port", 5432);

    Map<String, Object> depot =
        parser
            .parse(
                "name: d\ntype: depot\nspec:\n  spec: {port: 5432, external: true}\n"
                    + "  data: {port: 5432}\n",
                false)
            .get(0);
    assertThat((Map<String, Object>) ((Map<String, Object>) depot.get("spec")).get("spec"))
        .containsEntry("port", 5432)
        .containsEntry("external", true);

    Map<String, Object> json =
        parser
            .parse(
                "{\"spec\": {\"spec\": {\"port\": 5432, \"ratio\": 1.5, \"list\": [2.5]}}}", true)
            .get(0);
    Map<String, Object> spec =
        (Map<String, Object>) ((Map<String, Object>) json.get("spec")).get("spec");
    assertThat(spec).containsEntry("port", 5432).containsEntry("ratio", 1.5);
    assertThat((List<Object>) spec.get("list")).containsExactly(2.5);
  }

  @Test
  void malformedInputIsMalformedWithAPositionButNoValues() {
    assertThatThrownBy(() -> parser.parse("name: a\npassword: \"hunter2\n  x: [", false))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED))
        .hasMessageContaining("line")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> parser.parse("{\"password\": hunter2}", true))
        .isInstanceOf(DatadockException.class)
        .hasMessageContaining("invalid JSON")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(() -> parser.parse("name: a\nname: b\n", false))
        .isInstanceOf(DatadockException.class)
        .hasMessageContaining("duplicate key name");
    assertThatThrownBy(() -> parser.parse("{\"name\":\"a\",\"name\":\"b\"}", true))
        .isInstanceOf(DatadockException.class)
        .hasMessageContaining("duplicate key 'name'");
  }

  @Test
  void aRefusedBodyLeavesNothingBehindForTheNextOnTheSameThread() {
    // the YAML loader is reused per thread: a body refused half-way must not leak into the next
    assertThatThrownBy(() -> parser.parse("a: &x 1\nb: *x\n", false))
        .hasMessageContaining("an anchor at line 1");
    assertThatThrownBy(() -> parser.parse("name: a\nname: b\n", false))
        .hasMessageContaining("duplicate key name");
    assertThatThrownBy(() -> parser.parse("name: [a\n", false))
        .isInstanceOf(DatadockException.class);
    assertThat(parser.parse("name: a\n---\nname: b\n", false))
        .extracting(d -> d.get("name"))
        .containsExactly("a", "b");
  }

  @Test
  void billionLaughsIsRefusedAtItsFirstAnchor() {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [*").append(p);
      for (int i = 0; i < 8; i++) {
        yaml.append(",*").append(p);
      }
      yaml.append("]\n");
    }
    assertThatThrownBy(() -> parser.parse(yaml.toString(), false))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID))
        .hasMessage("aliases are not allowed in manifests: an anchor at line 1, column 4");
  }

  /**
   * The depot an attacker sent (564 bytes): eleven levels of four aliases each under spec.spec. It
   * used to be accepted by the parser (44 aliases, under the per-document limit) and held the event
   * loop for seconds while validation walked 4^11 paths; each level more multiplies that by four.
   */
  static String nestedAliasBomb(int levels) {
    StringBuilder yaml =
        new StringBuilder(
            "name: bomb\nversion: v2alpha\ntype: depot\nspec:\n  type: postgres\n  spec:\n"
                + "    host: localhost\n    port: 5432\n    database: d\n    a0: &a0 [x, x, x, x]\n");
    for (int n = 1; n <= levels; n++) {
      String p = "*a" + (n - 1);
      yaml.append("    a%d: &a%d [%s, %s, %s, %s]\n".formatted(n, n, p, p, p, p));
    }
    return yaml.toString();
  }

  @Test
  void nestedAliasesAreRefusedWithoutExpandingThem() {
    for (int levels : new int[] {11, 20, 40}) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> parser.parse(nestedAliasBomb(levels), false))
          .isInstanceOfSatisfying(
              DatadockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID))
          .hasMessage("aliases are not allowed in manifests: an anchor at line 10, column 9");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }
  }

  @Test
  void anAliasIsRefusedWhereverItIsEvenInALaterDocument() {
    assertThatThrownBy(() -> parser.parse("name: a\n---\nname: b\nx: *nowhere\n", false))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID))
        .hasMessage("aliases are not allowed in manifests: an alias at line 4, column 4");
    assertThatThrownBy(() -> parser.parse("name: a\n---\nname: [unclosed\n", false))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED))
        .hasMessageStartingWith("document 2: ");
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    ManifestParser small = new ManifestParser(new ManifestLimits(100, 50, 100, 50, 1000));
    assertThatThrownBy(() -> small.parse("name: " + "x".repeat(200), false))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
  }

  @Test
  void aDocumentThatIsNotAMappingIsRefusedWithItsNumber() {
    assertThatThrownBy(() -> parser.parse("name: a\n---\n- just\n- a list\n", false))
        .isInstanceOf(DatadockException.class)
        .hasMessage("document 2: a manifest must be a mapping");
  }

  @Test
  void yamlTagsForArbitraryTypesAreRefused() {
    assertThatThrownBy(() -> parser.parse("x: !!javax.script.ScriptEngineManager []\n", false))
        .isInstanceOf(DatadockException.class);
  }
}
