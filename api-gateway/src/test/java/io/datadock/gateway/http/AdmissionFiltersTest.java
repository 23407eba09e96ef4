package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.identity.Principal;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.limits.RateLimiter;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authentication then the rate limit, as the API mounts them, over real HTTP: what a handler behind
 * them sees (the caller, its token, the tenant) and what is answered before it.
 */
class AdmissionFiltersTest {

  private static final Caller ALICE =
      Caller.of(new Principal("alice", "Alice", "person", Set.of("acme"), Set.of(), Set.of()));

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong nanos = new AtomicLong();
  private Vertx vertx;
  private int port;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    Authentication authentication =
        new Authentication(token -> token.equals("good") ? Optional.of(ALICE) : Optional.empty());
    RateLimit rateLimit =
        new RateLimit(new RateLimiter(1, nanos::get), new Authorizer(tenant -> true));
    FailureResponder failures = new FailureResponder(1024);
    router.route("/api/*").handler(authentication::handle);
    router.route("/api/*").handler(rateLimit::handle);
    router
        .get("/api/whoami")
        .handler(
            ctx ->
                Responses.json(
                    ctx,
                    200,
                    new JsonObject()
                        .put("caller", Requests.caller(ctx).id())
                        .put("token", Requests.token(ctx))
                        .put("tenant", Requests.tenant(ctx))));
    router.route().failureHandler(failures::handle);
    port =
        vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutABearerTokenTheAnswerIs401AndSaysHowToSendOne() throws Exception {
    for (String header : new String[] {null, "Basic YWxpY2U6cHc="}) {
      HttpResponse<String> r = get("/api/whoami", header);

      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(r.body()).contains("unauthenticated").contains("Authorization: Bearer <token>");
    }
  }

  @Test
  void aTokenThatDoesNotVerifyIs401() throws Exception {
    HttpResponse<String> r = get("/api/whoami", "Bearer bad");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("invalid, expired or revoked token");
  }

  @Test
  void theHandlerSeesTheCallerItsTokenAndTheTenant() throws Exception {
    HttpResponse<String> r = get("/api/whoami?tenant=beta", "bearer  good ");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()))
        .isEqualTo(
            new JsonObject().put("caller", "alice").put("token", "good").put("tenant", "beta"));
  }

  @Test
  void aSpentBudgetIs429WithRetryAfterUntilItRefills() throws Exception {
    assertThat(get("/api/whoami", "Bearer good").statusCode()).isEqualTo(200);

    HttpResponse<String> limited = get("/api/whoami", "Bearer good");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(limited.body()).contains("too many requests for tenant 'acme'");

    nanos.addAndGet(1_000_000_000L);
    assertThat(get("/api/whoami", "Bearer good").statusCode()).isEqualTo(200);
  }
}
