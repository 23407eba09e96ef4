package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document lists exactly the routes the gateway serves, method by method. */
class OpenApiDocumentTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  @SuppressWarnings("unchecked")
  private static Set<String> documented() throws Exception {
    Map<String, Object> doc;
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/api/openapi.yaml")) {
      doc = new Yaml().load(in);
    }
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
}
