package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The AsyncAPI and OpenAPI documents, kept in the repository as resources. */
final class ApiDocuments implements Endpoints {

  @Override
  public void mount(Router router) {
    router.get("/api/v1/asyncapi.yaml").handler(ctx -> send(ctx, "/api/asyncapi.yaml"));
    router.get("/api/v1/openapi.yaml").handler(ctx -> send(ctx, "/api/openapi.yaml"));
  }

  private static void send(RoutingContext ctx, String resource) {
    try (InputStream in = ApiDocuments.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new DatadockException(ErrorCode.INTERNAL, resource + " is missing from the build");
      }
      ctx.response()
          .putHeader("Content-Type", "application/yaml")
          .end(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DatadockException(ErrorCode.INTERNAL, resource + " cannot be read");
    }
  }
}
