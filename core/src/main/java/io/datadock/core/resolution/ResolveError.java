package io.datadock.core.resolution;

/**
 * A refused or failed credential resolution: {@code {"error": {"code", "message"}}}, the error
 * shape of every endpoint of secret-service's internal listener. The HTTP status carries the same
 * meaning (400 malformed, 401 unauthenticated, 403 forbidden, 404 not_found, 503 unavailable, 500
 * internal); the message never holds a value.
 */
public record ResolveError(String code, String message) {}
