package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.ResourceKey;
import io.datadock.gateway.apply.ApplyService;
import io.datadock.gateway.apply.ApplyService.ApplyRequest;
import io.datadock.gateway.apply.DocumentResult;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.auth.TokenVerifier;
import io.datadock.gateway.identity.IdentityServices;
import io.datadock.gateway.identity.IdentityWriter;
import io.datadock.gateway.kafka.CommandPublisher;
import io.datadock.gateway.limits.BudgetKey;
import io.datadock.gateway.limits.RateLimiter;
import io.datadock.gateway.replay.ReplayCoordinator;
import io.datadock.gateway.secrets.UnsanitizeClient;
import io.datadock.gateway.view.CatalogView;
import io.datadock.gateway.view.ResourceView;
import io.datadock.gateway.watch.WatchHub;
import io.datadock.schemas.identity.AuditRecord;
import io.datadock.schemas.resource.ResourceState;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (v1): routes bound to small handler methods and one error responder. Manifests are
 * parsed and validated on a small worker pool, never on an event loop, and only once the caller has
 * been authenticated and may apply in the request's tenant.
 */
public final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  static final String CALLER = "caller";
  private static final String TOKEN = "token";
  private static final Set<String> KINDS = Set.of("secret", "instance-secret", "depot");

  /** Threads parsing and validating manifests, shared by every event loop of the gateway. */
  static final int MANIFEST_WORKERS = 4;

  /** The metrics label of a request no route matched. */
  static final String UNMATCHED = "unmatched";

  private static final String ROUTE_TEMPLATE = "routeTemplate";

  private final ApplyService applyService;
  private final ResourceView view;
  private final TokenVerifier tokens;
  private final Map<String, BooleanSupplier> readiness;
  private final int maxBodyBytes;
  private final UnsanitizeClient resolution;
  private final CatalogApi catalog;
  private final IdentityApi identity;
  private final GrantApi grants;
  private final WatchApi watch;
  private final AdminApi admin;
  private final ApiDocuments documents = new ApiDocuments();
  private final Authorizer authorizer;
  private final RateLimiter limiter;
  private final IdentityWriter audit;
  private final PrometheusMeterRegistry metrics;

  public HttpApi(
      ApplyService applyService,
      ResourceView view,
      TokenVerifier tokens,
      Map<String, BooleanSupplier> readiness,
      int maxBodyBytes,
      UnsanitizeClient resolution,
      CatalogView catalogView,
      CommandPublisher publisher,
      IdentityServices identityServices,
      RateLimiter limiter,
      PrometheusMeterRegistry metrics,
      ReplayCoordinator replay) {
    this.metrics = metrics;
    this.applyService = applyService;
    this.view = view;
    this.tokens = tokens;
    this.readiness = readiness;
    this.maxBodyBytes = maxBodyBytes;
    this.resolution = resolution;
    this.authorizer = new Authorizer(identityServices.directory());
    this.catalog = new CatalogApi(catalogView, view, publisher, authorizer);
    this.identity =
        new IdentityApi(identityServices, authorizer, view, java.time.Clock.systemUTC());
    this.grants = new GrantApi(identityServices, authorizer, view, java.time.Clock.systemUTC());
    this.limiter = limiter;
    this.audit = identityServices.writer();
    this.watch = new WatchApi(new WatchHub(view), view, authorizer, WatchLimits.defaults());
    this.admin = new AdminApi(replay, authorizer);
  }

  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    WorkerExecutor manifestWorkers =
        vertx.createSharedWorkerExecutor("datadock-manifests", MANIFEST_WORKERS);
    router.route().handler(this::timeRequest);
    router.get("/healthz").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "ok")));
    router.get("/readyz").handler(this::handleReady);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router.route("/api/*").handler(this::authenticate);
    documents.mount(router);
    router.post("/api/v1/resources").handler(ctx -> handleApply(ctx, manifestWorkers));
    router.get("/api/v1/resources").handler(this::handleList);
    router.get("/api/v1/resources/:type/:name").handler(this::handleGet);
    router.delete("/api/v1/resources/:type/:name").handler(this::handleDelete);
    catalog.mount(router);
    identity.mount(router);
    grants.mount(router);
    watch.mount(router);
    admin.mount(router);
    router
        .route()
        .last()
        .handler(
            ctx ->
                ErrorResponder.send(
                    ctx,
                    new DatadockException(
                        ErrorCode.NOT_FOUND,
                        "no such endpoint: "
                            + ctx.request().method()
                            + " "
                            + ctx.request().path())));
    for (Route route : router.getRoutes()) {
      if (isEndpoint(route)) {
        // A failing request is answered by the failure handler below; on the way there it passes
        // the failure handlers of the routes it matches, which is how it keeps its route's name.
        route.failureHandler(
            ctx -> {
              ctx.put(ROUTE_TEMPLATE, route.getName());
              ctx.next();
            });
      }
    }
    router.route().failureHandler(this::handleFailure);
    return router;
  }

  /** A route of one endpoint (methods and a path template), not a handler for every request. */
  private static boolean isEndpoint(Route route) {
    return route.methods() != null && !route.methods().isEmpty() && route.getName() != null;
  }

  /**
   * Request rate and latency by method, endpoint and status. The endpoint is the matched route's
   * template ({@code /api/v1/resources/:type/:name}) or {@value #UNMATCHED}, never the path as
   * sent: the number of series stays that of the routes whatever paths clients make up.
   */
  private void timeRequest(RoutingContext ctx) {
    long started = System.nanoTime();
    String method = ctx.request().method().name();
    ctx.addHeadersEndHandler(
        v ->
            Timer.builder("datadock.http.requests")
                .tag("method", method)
                .tag("endpoint", endpoint(ctx))
                .tag("status", String.valueOf(ctx.response().getStatusCode()))
                .register(metrics)
                .record(java.time.Duration.ofNanos(System.nanoTime() - started)));
    ctx.next();
  }

  private static String endpoint(RoutingContext ctx) {
    String failed = ctx.get(ROUTE_TEMPLATE);
    if (failed != null) {
      return failed;
    }
    Route route = ctx.currentRoute();
    return route != null && isEndpoint(route) ? route.getName() : UNMATCHED;
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(
          new DatadockException(
              ErrorCode.UNAUTHENTICATED,
              "missing bearer token: send 'Authorization: Bearer <token>'"));
      return;
    }
    String token = header.substring(7).trim();
    Optional<Caller> caller = tokens.verify(token);
    if (caller.isEmpty()) {
      ctx.fail(
          new DatadockException(ErrorCode.UNAUTHENTICATED, "invalid, expired or revoked token"));
      return;
    }
    ctx.put(CALLER, caller.get());
    ctx.put(TOKEN, token);
    String tenant =
        Optional.ofNullable(ctx.queryParams().get("tenant")).orElse(caller.get().defaultTenant());
    BudgetKey budget =
        BudgetKey.of(caller.get(), ctx.queryParams().get("tenant"), authorizer::isMember);
    long retryAfter = limiter.acquire(budget);
    if (retryAfter > 0) {
      ctx.response().putHeader("Retry-After", String.valueOf(retryAfter));
      ctx.fail(
          new DatadockException(
              ErrorCode.RATE_LIMITED,
              "too many requests for " + budget.label() + "; retry in " + retryAfter + " s"));
      return;
    }
    if (!HttpMethod.GET.equals(ctx.request().method())) {
      auditOnEnd(ctx, caller.get(), tenant);
    }
    ctx.next();
  }

  /** Every mutating request is recorded once answered: who, what, outcome. */
  private void auditOnEnd(RoutingContext ctx, Caller caller, String tenant) {
    String method = ctx.request().method().name();
    String path = ctx.request().path();
    ctx.response()
        .endHandler(
            v -> {
              int status = ctx.response().getStatusCode();
              audit
                  .audit(
                      AuditRecord.newBuilder()
                          .setAt(System.currentTimeMillis())
                          .setActor(caller.id())
                          .setMethod(method)
                          .setPath(path)
                          .setTenant(tenant)
                          .setStatus(status)
                          .setOutcome(status < 400 ? "ok" : "error " + status)
                          .build())
                  .exceptionally(
                      e -> {
                        LOG.error("audit record not written actor={} path={}", caller.id(), path);
                        return null;
                      });
            });
  }

  /**
   * The caller's right to apply in the request's tenant is checked first; the body is parsed,
   * validated and each document authorized on {@code workers}, off the event loop.
   */
  private void handleApply(RoutingContext ctx, WorkerExecutor workers) {
    Caller caller = ctx.get(CALLER);
    authorizer.applyIn(
        caller,
        Optional.ofNullable(ctx.queryParams().get("tenant")).orElse(caller.defaultTenant()));
    String body = ctx.body().asString();
    if (body == null || body.isBlank()) {
      ErrorResponder.send(
          ctx,
          DatadockException.malformed(
              "the request body is empty: send one or more manifests (YAML or JSON)"));
      return;
    }
    ApplyRequest request =
        new ApplyRequest(
            body,
            isJson(ctx.request().getHeader("Content-Type"), body),
            ctx.queryParams().get("tenant"),
            ctx.queryParams().get("workspace"),
            "true".equalsIgnoreCase(ctx.queryParams().get("dryRun")),
            ifMatch(ctx.request().getHeader("If-Match")),
            "true".equalsIgnoreCase(ctx.queryParams().get("wait")));
    var context = ctx.vertx().getOrCreateContext();
    workers
        .executeBlocking(() -> applyService.apply(caller, request), false)
        .compose(sent -> Future.fromCompletionStage(sent, context))
        .onSuccess(results -> respondResults(ctx, results))
        .onFailure(ctx::fail);
  }

  private static void respondResults(RoutingContext ctx, List<DocumentResult> results) {
    JsonArray array = new JsonArray();
    results.forEach(r -> array.add(ResourceJson.result(r)));
    Optional<DocumentResult> failure = results.stream().filter(DocumentResult::failed).findFirst();
    if (failure.isEmpty()) {
      json(ctx, 200, new JsonObject().put("results", array));
      return;
    }
    DatadockException error = failure.get().error();
    JsonObject body = ErrorResponder.body(error);
    if (results.size() > 1) {
      body.put("results", array);
    }
    ErrorResponder.send(ctx, ErrorResponder.status(error.code()), body);
  }

  private void handleList(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER);
    String type = ctx.queryParams().get("type");
    if (type != null && !KINDS.contains(type)) {
      throw DatadockException.malformed(
          "unknown type '"
              + type
              + "', expected one of "
              + String.join(", ", KINDS.stream().sorted().toList()));
    }
    String tenant =
        Optional.ofNullable(ctx.queryParams().get("tenant")).orElse(caller.defaultTenant());
    authorizer.read(caller, tenant);
    String name = ctx.queryParams().get("name");
    String workspace = ctx.queryParams().get("workspace");
    boolean all = "true".equalsIgnoreCase(ctx.queryParams().get("all"));
    Predicate<ResourceState> filter =
        s ->
            s.getTenant().equals(tenant)
                && (type == null || s.getKind().equals(type))
                && (name == null || s.getName().equals(name))
                && (workspace == null || workspace.equals(s.getWorkspace()))
                && (all || s.getOwner().equals(caller.id()));
    JsonArray items = new JsonArray();
    view.list(filter).forEach(s -> items.add(ResourceJson.summary(s)));
    json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleGet(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER);
    ResourceState state = find(ctx, caller).orElseThrow(() -> notFound(ctx));
    if (!"true".equalsIgnoreCase(ctx.queryParams().get("unsanitize"))) {
      json(ctx, 200, ResourceJson.full(state));
      return;
    }
    authorizer.unsanitize(caller);
    resolution
        .unsanitize(ctx.get(TOKEN), state.getResourceKey())
        .onSuccess(fields -> json(ctx, 200, ResourceJson.unsanitized(state, fields)))
        .onFailure(ctx::fail);
  }

  private void handleDelete(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER);
    ResourceKey key =
        find(ctx, caller)
            .map(s -> ResourceKey.parse(s.getResourceKey()))
            .orElseGet(() -> keyOf(ctx, caller));
    ResourceState existing = find(ctx, caller).orElse(null);
    String version = existing == null ? null : existing.getManifestVersion();
    if (!isMember(caller, key.tenant())) {
      throw notFound(ctx);
    }
    authorizer.write(caller, key, existing);
    boolean force = "true".equalsIgnoreCase(ctx.queryParams().get("force"));
    if (force && !caller.principal().isOperator()) {
      throw new DatadockException(ErrorCode.FORBIDDEN, Authorizer.FORBIDDEN_OPERATOR);
    }
    Future.fromCompletionStage(
            applyService.delete(caller, key, version, force), ctx.vertx().getOrCreateContext())
        .onSuccess(
            r -> {
              if (r.failed()) {
                ErrorResponder.send(ctx, r.error());
              } else {
                json(
                    ctx,
                    200,
                    new JsonObject()
                        .put("outcome", "deleted")
                        .put("name", key.name())
                        .put("type", key.kind())
                        .put("resourceVersion", String.valueOf(r.resourceVersion())));
              }
            })
        .onFailure(ctx::fail);
  }

  private static boolean isMember(Caller caller, String tenant) {
    return caller.principal().memberOf(tenant);
  }

  /**
   * The resource a path names: tenant-level first, then the workspace (default public). A tenant
   * the caller is not a member of shows nothing: its resources are "not found", not forbidden.
   */
  private Optional<ResourceState> find(RoutingContext ctx, Caller caller) {
    ResourceKey key = keyOf(ctx, caller);
    if (!isMember(caller, key.tenant())) {
      return Optional.empty();
    }
    Optional<ResourceState> found = view.get(key.toString());
    if (found.isEmpty() && key.workspace() == null && key.kind().equals("secret")) {
      found = view.get(new ResourceKey(key.tenant(), key.kind(), "public", key.name()).toString());
    }
    return found;
  }

  private static ResourceKey keyOf(RoutingContext ctx, Caller caller) {
    String type = ctx.pathParam("type");
    if (!KINDS.contains(type)) {
      throw DatadockException.malformed(
          "unknown type '" + type + "', expected one of depot, instance-secret, secret");
    }
    String tenant =
        Optional.ofNullable(ctx.queryParams().get("tenant")).orElse(caller.defaultTenant());
    return new ResourceKey(tenant, type, ctx.queryParams().get("workspace"), ctx.pathParam("name"));
  }

  private static DatadockException notFound(RoutingContext ctx) {
    return new DatadockException(
        ErrorCode.NOT_FOUND, ctx.pathParam("type") + " '" + ctx.pathParam("name") + "' not found");
  }

  private void handleReady(RoutingContext ctx) {
    JsonObject checks = new JsonObject();
    boolean ready = true;
    for (var check : readiness.entrySet()) {
      boolean ok = check.getValue().getAsBoolean();
      checks.put(check.getKey(), ok);
      ready &= ok;
    }
    json(ctx, ready ? 200 : 503, new JsonObject().put("ready", ready).put("checks", checks));
  }

  private void handleFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    while (failure != null
        && !(failure instanceof DatadockException)
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    if (failure instanceof DatadockException e) {
      ErrorResponder.send(ctx, e);
    } else if (ctx.statusCode() == 413) {
      ErrorResponder.send(
          ctx,
          new DatadockException(
              ErrorCode.TOO_LARGE,
              "the request body exceeds the limit of " + maxBodyBytes + " bytes"));
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      ErrorResponder.send(
          ctx,
          ctx.statusCode(),
          ErrorResponder.body(new DatadockException(ErrorCode.MALFORMED, "bad request")));
    } else {
      LOG.error(
          "request failed method={} path={}",
          ctx.request().method(),
          ctx.request().path(),
          failure);
      ErrorResponder.send(
          ctx,
          new DatadockException(
              ErrorCode.INTERNAL, "internal error; the gateway log has the details"));
    }
  }

  private static Long ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim().replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw DatadockException.malformed(
          "If-Match must be a resourceVersion (a number), got '" + value + "'");
    }
  }

  private static boolean isJson(String contentType, String body) {
    if (contentType != null && contentType.toLowerCase().contains("json")) {
      return true;
    }
    if (contentType != null && contentType.toLowerCase().contains("yaml")) {
      return false;
    }
    String trimmed = body.stripLeading();
    return trimmed.startsWith("{") || trimmed.startsWith("[");
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
