package io.datadock.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aTreeIsReadAsAnObjectMapperReadsIt() throws Exception {
    String text =
        """
        {"items": [{"name": "pg", "workspace": null, "ok": true, "no": false, "n": 3,
          "big": 12345678901, "huge": 123456789012345678901234567890, "f": 1.5,
          "nested": {"list": [], "obj": {}}, "text": "a \\"quoted\\" \\u00e9"}],
         "dup": 1, "dup": 2}
        """;
    assertThat(Json.parse(text)).isEqualTo(MAPPER.readTree(text));
    assertThat(Json.parse("[1, \"a\"]")).isEqualTo(MAPPER.readTree("[1, \"a\"]"));
    assertThat(Json.parse("").isMissingNode()).isTrue();
  }

  @Test
  void brokenJsonIsAnError() {
    assertThatThrownBy(() -> Json.parse("{\"a\": ")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(IOException.class);
  }

  @Test
  void mapsAndListsAreWrittenAsAnObjectMapperWritesThem() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", "johndoetmdcio");
    body.put("tags", List.of("roles:id:user", "a\"b"));
    body.put("expiresInSeconds", 3600L);
    body.put("count", 3);
    body.put("ratio", 0.5);
    body.put("on", true);
    body.put("email", null);
    body.put("nested", Map.of("k", List.of()));
    assertThat(Json.write(body)).isEqualTo(MAPPER.writeValueAsString(body));
  }
}
