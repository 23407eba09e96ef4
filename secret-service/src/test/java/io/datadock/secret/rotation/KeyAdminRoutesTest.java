package io.datadock.secret.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.crypto.KeyRing;
import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveError;
import io.datadock.runtime.http.OperationsRoutes;
import io.datadock.runtime.http.ServiceHttpServer;
import io.datadock.runtime.metrics.ServiceMetrics;
import io.datadock.secret.internal.Callers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key admin routes on a real listener, with a store that cannot be read (a rebalance): what the
 * routes decide without one. Rotation itself is covered by {@code KeyRotationIT}.
 */
class KeyAdminRoutesTest {

  @TempDir Path keys;
  private final HttpClient http = HttpClient.newHttpClient();
  private ServiceHttpServer server;

  @BeforeEach
  void start() {
    KeyRotation rotation =
        new KeyRotation(
            () -> {
              throw new IllegalStateException("the secrets store is rebalancing");
            },
            KeyRing.loadOrCreate(keys),
            null,
            command -> {},
            Clock.systemUTC());
    Callers callers =
        new Callers(
            Map.of("admin-token", "user:admin", "service-token", "service:depot-service"),
            key -> Optional.empty());
    server =
        ServiceHttpServer.start(
            "key admin",
            0,
            1,
            new OperationsRoutes(ServiceMetrics.registry("secret-service"), () -> true),
            router -> new KeyAdminRoutes(rotation, callers).mount(router));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everythingUnderThePathNeedsTheOperatorToken() throws Exception {
    for (String token : new String[] {null, "service-token", "unknown"}) {
      for (String path : new String[] {"/internal/v1/keys", "/internal/v1/keys/nope"}) {
        assertThat(error(send("GET", path, token), 403))
            .isEqualTo(
                new ResolveError(
                    "forbidden", "key administration needs the operator (admin) token"));
      }
    }
  }

  @Test
  void aCommandTheRotationRefusesIs409() throws Exception {
    assertThat(error(send("GET", "/internal/v1/keys", "admin-token"), 409))
        .isEqualTo(new ResolveError("conflict", "the secrets store is rebalancing"));
    assertThat(error(send("POST", "/internal/v1/keys/k-123/retire", "admin-token"), 409).code())
        .isEqualTo("conflict");
  }

  @Test
  void anUnknownCommandIs404NamingIt() throws Exception {
    assertThat(error(send("DELETE", "/internal/v1/keys", "admin-token"), 404))
        .isEqualTo(new ResolveError("not_found", "no such key command: DELETE /internal/v1/keys"));
    assertThat(error(send("POST", "/internal/v1/keys/bad_id/retire", "admin-token"), 404).message())
        .isEqualTo("no such key command: POST /internal/v1/keys/bad_id/retire");
    assertThat(error(send("GET", "/internal/v1/keys/rotate", "admin-token"), 404).message())
        .isEqualTo("no such key command: GET /internal/v1/keys/rotate");
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ResolveError error(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return ResolutionWire.readError(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow();
  }
}
