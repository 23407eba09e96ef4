package io.datadock.gateway.http;

import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.identity.IdentityWriter;
import io.datadock.schemas.identity.AuditRecord;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter after {@link RateLimit}: every mutating request (not a {@code GET}) is recorded once
 * answered: who, what, in which tenant, with which outcome.
 */
final class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final IdentityWriter audit;

  AuditTrail(IdentityWriter audit) {
    this.audit = audit;
  }

  void handle(RoutingContext ctx) {
    if (!HttpMethod.GET.equals(ctx.request().method())) {
      recordOnEnd(ctx, Requests.caller(ctx), Requests.tenant(ctx));
    }
    ctx.next();
  }

  private void recordOnEnd(RoutingContext ctx, Caller caller, String tenant) {
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
}
