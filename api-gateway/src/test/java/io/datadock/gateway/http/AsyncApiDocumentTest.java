package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The AsyncAPI document describes exactly the topics the registry has, with real schemas. */
class AsyncApiDocumentTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> document() throws Exception {
    try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/api/asyncapi.yaml")) {
      return new Yaml().load(in);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyTopicIsDocumentedAndNothingElse() throws Exception {
    Map<String, Map<String, Object>> channels =
        (Map<String, Map<String, Object>>) document().get("channels");
    List<String> documented =
        channels.values().stream().map(c -> (String) c.get("address")).sorted().toList();
    List<String> registry =
        Topics.ALL.stream().map(t -> t.name(Topics.DEFAULT_PREFIX)).sorted().toList();

    assertThat(documented).isEqualTo(registry);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everySchemaReferenceIsAFileOfTheSchemasModule() throws Exception {
    Map<String, Map<String, Object>> channels =
        (Map<String, Map<String, Object>>) document().get("channels");
    for (Map<String, Object> channel : channels.values()) {
      Map<String, Object> messages = (Map<String, Object>) channel.get("messages");
      for (Object message : messages.values()) {
        Map<String, Object> payload =
            (Map<String, Object>) ((Map<String, Object>) message).get("payload");
        String ref = (String) ((Map<String, Object>) payload.get("schema")).get("$ref");
        assertThat(Path.of("..").resolve(ref)).as(ref).exists();
        assertThat(Files.readString(Path.of("..").resolve(ref))).contains("\"type\": \"record\"");
      }
    }
  }

  @Test
  void compactionIsDescribedAsTheRegistrySetsIt() throws Exception {
    String text;
    try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/api/asyncapi.yaml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Map<String, Boolean> compacted =
        Topics.ALL.stream()
            .collect(Collectors.toMap(t -> t.name(Topics.DEFAULT_PREFIX), Topic::compacted));
    compacted.forEach(
        (name, isCompacted) ->
            assertThat(text)
                .containsPattern(
                    "address: "
                        + java.util.regex.Pattern.quote(name)
                        + "\\n    description: '[^\\n]*Compacted: "
                        + isCompacted));
  }
}
