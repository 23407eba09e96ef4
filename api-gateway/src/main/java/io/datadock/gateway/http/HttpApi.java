package io.datadock.gateway.http;

import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.http.console.ConsolePages;
import io.datadock.gateway.http.identity.IdentityEndpoints;
import io.datadock.gateway.http.resources.ResourceApi;
import io.datadock.gateway.http.session.SessionApi;
import io.datadock.gateway.http.session.SessionAuthentication;
import io.datadock.gateway.http.session.SessionStore;
import io.datadock.gateway.view.ResourceView;
import io.datadock.gateway.watch.WatchHub;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP API (v1), assembled: request metrics; health; on {@code /api/*} the body limit, the
 * console's sign-in, authentication (session cookie, then bearer token), rate limit and audit
 * filters; the 503 of what is answered from the resource view until it has caught up; then each
 * area's routes; the web console's files; last the 404 for what no route matched and the failure
 * responder. The handlers are built once and shared by every event loop's router.
 */
public final class HttpApi {

  /** Threads parsing and validating manifests, shared by every event loop of the gateway. */
  static final int MANIFEST_WORKERS = 4;

  private final int maxBodyBytes;
  private final RequestMetrics requestMetrics;
  private final HealthApi health;
  private final ApiDocuments documents = new ApiDocuments();
  private final SessionApi session;
  private final SessionAuthentication sessionAuthentication;
  private final Authentication authentication;
  private final RateLimit rateLimit;
  private final AuditTrail auditTrail;
  private final ViewCatchUp viewCatchUp;
  private final ResourceApi resources;
  private final List<Endpoints> areas = new ArrayList<>();
  private final FailureResponder failures;
  private final ConsolePages console = new ConsolePages();

  public HttpApi(ApiComponents components) {
    ApiComponents.Admission admission = components.admission();
    Authorizer authorizer = admission.authorizer();
    ResourceView view = components.resources().view();
    this.maxBodyBytes = admission.maxBodyBytes();
    this.requestMetrics = new RequestMetrics(components.operations().metrics());
    this.health = new HealthApi(components.operations().readiness());
    SessionStore sessions = SessionStore.defaults();
    this.session = new SessionApi(sessions, admission.tokens());
    this.sessionAuthentication = new SessionAuthentication(sessions, admission.tokens());
    this.authentication = new Authentication(admission.tokens());
    this.rateLimit = new RateLimit(admission.limiter(), authorizer);
    this.auditTrail = new AuditTrail(components.identity().writer());
    this.viewCatchUp = new ViewCatchUp(components.operations().viewCaughtUp());
    this.resources = new ResourceApi(components.resources(), authorizer);
    this.failures = new FailureResponder(maxBodyBytes);
    ApiComponents.Catalog catalog = components.catalog();
    areas.add(new CatalogApi(catalog.view(), view, catalog.publisher(), authorizer)::mount);
    areas.addAll(IdentityEndpoints.of(components.identity(), authorizer, view, Clock.systemUTC()));
    areas.add(new WatchApi(new WatchHub(view), view, authorizer, WatchLimits.defaults())::mount);
    areas.add(new AdminApi(components.replay(), authorizer)::mount);
  }

  /** One router per event loop; all share the handlers (and the manifest workers). */
  public Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    requestMetrics.timeEveryRequest(router);
    health.mount(router);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    session.mount(router);
    router.route("/api/*").handler(sessionAuthentication::handle);
    router.route("/api/*").handler(authentication::handle);
    router.route("/api/*").handler(rateLimit::handle);
    router.route("/api/*").handler(auditTrail::handle);
    viewCatchUp.mount(router);
    documents.mount(router);
    resources.mount(
        router, vertx.createSharedWorkerExecutor("datadock-manifests", MANIFEST_WORKERS));
    areas.forEach(area -> area.mount(router));
    console.mount(router);
    router.route().last().handler(failures::noSuchEndpoint);
    requestMetrics.nameFailures(router);
    router.route().failureHandler(failures::handle);
    return router;
  }
}
