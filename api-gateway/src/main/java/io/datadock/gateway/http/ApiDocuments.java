package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The API's own documents: the OpenAPI document of this API, the AsyncAPI document of every topic
 * and, beside it, the Avro schema of every topic's values, so that the AsyncAPI document's relative
 * references ({@code schemas/SecretCommand.avsc}) resolve where it is served.
 */
final class ApiDocuments implements Endpoints {

  static final String OPENAPI = "/api/v1/openapi.yaml";
  static final String ASYNCAPI = "/api/v1/asyncapi.yaml";
  static final String SCHEMAS = "/api/v1/schemas/";

  private final Map<String, String> schemas = TopicSchemas.byFileName();

  @Override
  public void mount(Router router) {
    router.get(OPENAPI).handler(ctx -> yaml(ctx, "/api/openapi.yaml"));
    router.get(ASYNCAPI).handler(ctx -> yaml(ctx, "/api/asyncapi.yaml"));
    router.get(SCHEMAS + ":file").handler(this::schema);
  }

  private void schema(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    String schema = schemas.get(file);
    if (schema == null) {
      ErrorResponder.send(
          ctx,
          new DatadockException(
              ErrorCode.NOT_FOUND, "no schema '" + file + "': the AsyncAPI document lists them"));
      return;
    }
    ctx.response().putHeader("Content-Type", "application/json").end(schema);
  }

  /** A document kept in the repository as a resource of this module. */
  private static void yaml(RoutingContext ctx, String resource) {
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
