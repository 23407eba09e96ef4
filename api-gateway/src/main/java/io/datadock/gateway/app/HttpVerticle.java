package io.datadock.gateway.app;

import io.datadock.gateway.http.HttpApi;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;

/** One HTTP server instance per event loop; all share the port and the API's handlers. */
final class HttpVerticle extends VerticleBase {

  private final HttpApi api;
  private final int port;

  HttpVerticle(HttpApi api, int port) {
    this.api = api;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost("0.0.0.0").setPort(port))
        .requestHandler(api.router(vertx))
        .listen();
  }
}
