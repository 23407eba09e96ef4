package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP: what is answered from the resource view, and changes of users and grants (which
 * find the depots to re-check in it), wait for the view to catch up (503 with Retry-After, nothing
 * reaches the handler); the rest of the API does not.
 */
class ViewCatchUpTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean caughtUp = new AtomicBoolean(false);
  private final AtomicBoolean handled = new AtomicBoolean(false);
  private Vertx vertx;
  private int port;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    new ViewCatchUp(caughtUp::get).mount(router);
    for (String path :
        new String[] {
          "/api/v1/resources",
          "/api/v1/resources/:type/:name",
          "/api/v1/watch",
          "/api/v1/datasets",
          "/api/v1/depots/:name/scans",
          "/api/v1/users",
          "/api/v1/users/:id",
          "/api/v1/tenants/:name/grants/:grantee/:secret"
        }) {
      router
          .route(path)
          .handler(
              ctx -> {
                handled.set(true);
                ctx.response().end("answered");
              });
    }
    router.route().failureHandler(new FailureResponder(1024)::handle);
    port =
        vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.ofString("name: x"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everythingAnsweredFromTheViewIs503WithRetryAfterUntilItHasCaughtUp() throws Exception {
    String[][] requests = {
      {"GET", "/api/v1/resources?type=secret"},
      {"GET", "/api/v1/resources/secret/db"},
      {"POST", "/api/v1/resources"},
      {"DELETE", "/api/v1/resources/secret/db"},
      {"GET", "/api/v1/watch"},
      {"GET", "/api/v1/datasets?depot=pg"},
      {"GET", "/api/v1/depots/pg/scans"},
      {"PUT", "/api/v1/users/dev"},
      {"DELETE", "/api/v1/users/dev"},
      {"DELETE", "/api/v1/tenants/t/grants/dev/db"}
    };
    for (String[] request : requests) {
      HttpResponse<String> r = send(request[0], request[1]);

      assertThat(r.statusCode()).as("%s %s", request[0], request[1]).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).contains("1");
      JsonObject error = new JsonObject(r.body()).getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("unavailable");
      assertThat(error.getString("message")).isEqualTo(ViewCatchUp.MESSAGE);
    }
    assertThat(handled).as("no handler ran: nothing was sent or read").isFalse();

    caughtUp.set(true);
    for (String[] request : requests) {
      assertThat(send(request[0], request[1]).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void whatDoesNotDependOnTheViewDoesNotWait() throws Exception {
    for (String path : new String[] {"/api/v1/users", "/api/v1/users/dev"}) {
      HttpResponse<String> r = send("GET", path);

      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).isEqualTo("answered");
    }
  }
}
