package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document lists exactly the routes the gateway serves, method by method; it is valid
 * OpenAPI 3 as a standard parser reads it, and every body it describes has a schema, so a generated
 * client knows what it sends and gets.
 */
class OpenApiDocumentTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  private static String text() throws Exception {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/api/openapi.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> documented() throws Exception {
    Map<String, Object> doc = new Yaml().load(text());
    Set<String> out = new TreeSet<>();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    paths.forEach(
        (path, item) ->
            item.keySet().stream()
                .filter(k -> Set.of("get", "post", "put", "delete", "patch").contains(k))
                .forEach(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + path)));
    return out;
  }

  private Set<String> served() {
    HttpApi api = RoutesOnly.api(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    Set<String> out = new TreeSet<>();
    for (Route route : api.router(vertx).getRoutes()) {
      String path = route.getPath();
      if (path == null) {
        // the one regex route: a URL-encoded UDL may hold slashes
        path = "/api/v1/datasets/{udl}";
      }
      if (route.methods() == null || path.endsWith("*")) {
        continue; // handlers for every request (timing, body, authentication, not found)
      }
      String openApiPath = path.replaceAll(":([A-Za-z]+)", "{$1}");
      for (HttpMethod method : route.methods()) {
        out.add(method.name() + " " + openApiPath);
      }
    }
    return out;
  }

  @Test
  void everyServedRouteIsDocumentedAndEveryDocumentedOneServed() throws Exception {
    Set<String> served = served();
    assertThat(served).hasSizeGreaterThan(20).contains("DELETE /api/v1/resources/{type}/{name}");
    assertThat(served).isEqualTo(documented());
  }

  @Test
  void aStandardParserReadsTheDocumentWithoutAMessage() throws Exception {
    SwaggerParseResult parsed = parse();

    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getPaths()).hasSizeGreaterThan(20);
  }

  @Test
  void everyRequestAndResponseBodyHasASchema() throws Exception {
    OpenAPI api = parse().getOpenAPI();
    List<String> without = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String where = method + " " + path;
                          if (operation.getRequestBody() != null) {
                            checkContent(where + " request", content(api, operation), without);
                          }
                          operation
                              .getResponses()
                              .forEach(
                                  (status, response) ->
                                      checkContent(
                                          where + " " + status,
                                          resolve(api, response).getContent(),
                                          without));
                        }));

    assertThat(without).isEmpty();
  }

  private static SwaggerParseResult parse() throws Exception {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(text(), null, options);
  }

  private static Content content(OpenAPI api, io.swagger.v3.oas.models.Operation operation) {
    var body = operation.getRequestBody();
    if (body.get$ref() != null) {
      body = api.getComponents().getRequestBodies().get(refName(body.get$ref()));
    }
    return body.getContent();
  }

  private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
    return response.get$ref() == null
        ? response
        : api.getComponents().getResponses().get(refName(response.get$ref()));
  }

  private static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static void checkContent(String where, Content content, List<String> without) {
    if (content == null || content.isEmpty()) {
      without.add(where + ": no content");
      return;
    }
    content.forEach(
        (mediaType, media) -> {
          if (media.getSchema() == null) {
            without.add(where + " " + mediaType + ": no schema");
          }
        });
  }
}
