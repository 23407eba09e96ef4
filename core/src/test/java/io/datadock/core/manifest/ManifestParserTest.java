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
  void billionLaughsFailsFastOnAliases() {
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
    long start = System.nanoTime();
    assertThatThrownBy(() -> parser.parse(yaml.toString(), false))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED))
        .hasMessageContaining("aliases");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
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
