package io.datadock.secret.resolution;

import io.datadock.core.resolution.ResolutionWire;
import io.datadock.secret.internal.InternalReply;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /internal/v1/resolve} on secret-service's internal listener: the body (at most 64
 * KiB), the {@code Authorization} and forwarded headers handed to {@link CredentialResolution}, its
 * reply sent as it is. Any other method is 405.
 *
 * <p>A request another instance forwarded here runs on a pool of its own. On the listener's pool it
 * could wait behind this instance's own requests, each of them blocked forwarding to that other
 * instance, whose pool is as full of requests forwarded the other way: both wait out the forward's
 * timeout. A forwarded request is never forwarded again, so its pool waits on nothing but this
 * instance's store and audit.
 */
public final class ResolutionRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(ResolutionRoutes.class);
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** Threads answering requests other instances forwarded here. */
  static final int FORWARDED_WORKERS = 4;

  private final CredentialResolution resolution;
  private WorkerExecutor forwardedPool;

  public ResolutionRoutes(CredentialResolution resolution) {
    this.resolution = resolution;
  }

  public void mount(Router router) {
    router
        .post(ResolutionWire.PATH)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::forwardedApart)
        // Blocking: the audit waits for the broker's ack, a forward for the owner's answer.
        .blockingHandler(this::resolve, false)
        .failureHandler(this::failed);
    router.route(ResolutionWire.PATH).handler(this::methodNotAllowed);
  }

  private void forwardedApart(RoutingContext ctx) {
    if (ctx.request().getHeader(ResolutionWire.FORWARDED_HEADER) == null) {
      ctx.next();
      return;
    }
    forwardedPool(ctx.vertx())
        .executeBlocking(
            () -> {
              resolve(ctx);
              return null;
            },
            false)
        .onFailure(ctx::fail);
  }

  private synchronized WorkerExecutor forwardedPool(Vertx vertx) {
    if (forwardedPool == null) {
      forwardedPool =
          vertx.createSharedWorkerExecutor("datadock-forwarded-resolutions", FORWARDED_WORKERS);
    }
    return forwardedPool;
  }

  private void resolve(RoutingContext ctx) {
    InternalReply reply;
    try {
      reply =
          resolution.resolve(
              ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(),
              ctx.request().getHeader("Authorization"),
              ctx.request().getHeader(ResolutionWire.FORWARDED_HEADER) != null);
    } catch (AccessAuditor.AuditUnavailableException e) {
      reply = InternalReply.unavailable(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("resolution failed", e);
      reply = InternalReply.internal("resolution failed; see the secret-service log");
    }
    reply.send(ctx);
  }

  /** A body over the limit is refused as malformed, as one cut at the limit would be. */
  private void failed(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      InternalReply.malformed(CredentialResolution.MALFORMED).send(ctx);
      return;
    }
    LOG.error("resolution failed status={}", ctx.statusCode(), ctx.failure());
    InternalReply.internal("resolution failed; see the secret-service log").send(ctx);
  }

  private void methodNotAllowed(RoutingContext ctx) {
    InternalReply.methodNotAllowed("use POST").send(ctx);
  }
}
