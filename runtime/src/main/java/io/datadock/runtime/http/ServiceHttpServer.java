package io.datadock.runtime.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's own HTTP listener, on Vert.x as the gateway's: a {@link Router} holding the
 * operations routes ({@link OperationsRoutes}) and the routes the service adds. Each listener has a
 * small Vert.x instance of its own (one event loop, a few worker threads for blocking handlers), so
 * services sharing a JVM neither share nor stop each other's.
 */
public final class ServiceHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceHttpServer.class);
  private static final long START_SECONDS = 30;
  private static final long STOP_SECONDS = 10;

  private final Vertx vertx;
  private final Router router;
  private Route starting;
  private final HttpServer server;

  private ServiceHttpServer(Vertx vertx, Router router, HttpServer server) {
    this.vertx = vertx;
    this.router = router;
    this.server = server;
  }

  /**
   * Listens on {@code port} (all interfaces) until closed.
   *
   * @param name what listens, for messages: "metrics", "credential resolution"
   * @param port the port, 0 for a free one
   * @param workers threads for blocking handlers
   * @param routes the service's own routes, added after the operations routes
   * @throws UncheckedIOException when the port cannot be listened on
   */
  public static ServiceHttpServer start(
      String name, int port, int workers, OperationsRoutes operations, Consumer<Router> routes) {
    Vertx vertx =
        Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(workers));
    Router router = Router.router(vertx);
    operations.mount(router);
    routes.accept(router);
    try {
      HttpServer server =
          vertx
              .createHttpServer()
              .requestHandler(router)
              .listen(port)
              .toCompletionStage()
              .toCompletableFuture()
              .get(START_SECONDS, TimeUnit.SECONDS);
      return new ServiceHttpServer(vertx, router, server);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(vertx);
      throw new UncheckedIOException(
          "interrupted while listening for " + name + " on port " + port,
          new IOException("interrupted"));
    } catch (ExecutionException | TimeoutException e) {
      stop(vertx);
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new UncheckedIOException(
          "cannot listen for " + name + " on port " + port,
          cause instanceof IOException io ? io : new IOException(cause));
    }
  }

  /**
   * Listens on {@code port} with the operations routes only; every other request is answered 503
   * ("starting; retry") until {@link #serve} adds the service's routes. For a service whose routes
   * need to know the port it listens on (0 picks one), and that must listen before it joins its
   * group.
   */
  public static ServiceHttpServer startBeforeRoutes(
      String name, int port, int workers, OperationsRoutes operations) {
    Route[] starting = new Route[1];
    ServiceHttpServer server =
        start(
            name,
            port,
            workers,
            operations,
            router ->
                starting[0] =
                    router
                        .route()
                        .last()
                        .handler(
                            ctx ->
                                Replies.json(
                                    ctx,
                                    503,
                                    ("{\"error\":\"" + name + " is starting; retry\"}")
                                        .getBytes(StandardCharsets.UTF_8))));
    server.starting = starting[0];
    return server;
  }

  /** Adds the service's routes to a server started before them, and stops answering 503. */
  public ServiceHttpServer serve(Consumer<Router> routes) {
    routes.accept(router);
    if (starting != null) {
      starting.remove();
      starting = null;
    }
    return this;
  }

  /** Serves another operator endpoint (a state digest) off the event loop, once started. */
  public ServiceHttpServer mount(String path, Handler<RoutingContext> blockingHandler) {
    router.route(path).blockingHandler(blockingHandler, false);
    return this;
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    stop(vertx);
  }

  private static void stop(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("HTTP listener did not stop cleanly error={}", e.getClass().getSimpleName());
    }
  }
}
