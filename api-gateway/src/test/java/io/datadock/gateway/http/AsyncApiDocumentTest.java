package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The AsyncAPI document describes exactly the topics the registry has, with schemas a client can
 * fetch from beside it.
 */
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

  /**
   * Every {@code $ref} of the document, read as a client reads it from where the gateway serves it:
   * a schema reference is fetched relative to the document's URL and must be a whole Avro record
   * schema (Avro's own parser refuses a schema naming a type it does not define); a reference
   * inside the document must point at something there.
   */
  @Test
  void everyReferenceResolvesWhereTheGatewayServesTheDocument() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      new ApiDocuments().mount(router);
      int port =
          vertx
              .createHttpServer()
              .requestHandler(router)
              .listen(0, "127.0.0.1")
              .await()
              .actualPort();
      URI document = URI.create("http://127.0.0.1:" + port + ApiDocuments.ASYNCAPI);
      HttpResponse<String> served = get(document);
      assertThat(served.statusCode()).isEqualTo(200);
      Object tree = new Yaml().load(served.body());

      List<String> refs = new ArrayList<>();
      collectRefs(tree, refs);
      assertThat(refs).hasSizeGreaterThanOrEqualTo(2 * Topics.ALL.size());
      Set<String> schemaNames = new TreeSet<>();
      for (String ref : refs) {
        if (ref.startsWith("#/")) {
          assertThat(pointer(tree, ref)).as(ref).isNotNull();
          continue;
        }
        HttpResponse<String> schema = get(document.resolve(ref));
        assertThat(schema.statusCode()).as(ref).isEqualTo(200);
        Schema avro = new Schema.Parser().parse(schema.body());
        assertThat(avro.getType()).as(ref).isEqualTo(Schema.Type.RECORD);
        assertThat(ref).isEqualTo("schemas/" + avro.getName() + ".avsc");
        // the fingerprint records carry: the schema the codec writes with, nothing Java-only
        Schema written = SpecificData.get().getSchema(Class.forName(avro.getFullName()));
        assertThat(SchemaNormalization.parsingFingerprint64(avro))
            .as(ref)
            .isEqualTo(SchemaNormalization.parsingFingerprint64(written));
        assertThat(schema.body()).as(ref).doesNotContain("avro.java");
        schemaNames.add(avro.getName());
      }
      // every topic has a schema of its own but replay.answers, which shares replay.control's
      assertThat(schemaNames).hasSize(Topics.ALL.size() - 1);
      assertThat(get(document.resolve("schemas/NoSuchRecord.avsc")).statusCode()).isEqualTo(404);
    } finally {
      vertx.close().await();
    }
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private static void collectRefs(Object node, List<String> refs) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if ("$ref".equals(key)) {
              refs.add((String) value);
            } else {
              collectRefs(value, refs);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectRefs(item, refs));
    }
  }

  /** The node a JSON pointer ({@code #/channels/secret-commands}) names, or null. */
  private static Object pointer(Object tree, String ref) {
    Object node = tree;
    for (String token : ref.substring(2).split("/")) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(token.replace("~1", "/").replace("~0", "~"));
    }
    return node;
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
