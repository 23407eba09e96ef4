package io.datadock.gateway.http;

import io.vertx.ext.web.Router;

/** One area of the API (catalog, users, watch, ...): mounts its routes on the gateway's router. */
@FunctionalInterface
public interface Endpoints {

  void mount(Router router);
}
