package io.datadock.gateway.http.resources;

import io.vertx.core.Future;
import java.util.Map;

/**
 * Where {@code GET ...?unsanitize=true} gets a secret's values: secret-service, asked on behalf of
 * the caller with the caller's own token.
 */
@FunctionalInterface
public interface Unsanitizer {

  Future<Map<String, String>> unsanitize(String callerToken, String resourceKey);
}
