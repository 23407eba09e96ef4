package io.datadock.core.resolution;

/**
 * A credential resolution asked of secret-service: {@code {"secret": "<resource key>", "purpose":
 * "rw|scan|query|unsanitize", "depot": "<depot key>"}}. The purpose stays text: an unknown one is
 * refused (and audited) by secret-service as sent.
 *
 * @param depot the depot the values are for, or null; when given, secret-service answers only if
 *     the secret granted that depot's reference
 */
public record ResolveRequest(String secret, String purpose, String depot) {

  /** A person's request (no depot), such as the gateway's unsanitized read. */
  public static ResolveRequest of(String secret, String purpose) {
    return new ResolveRequest(secret, purpose, null);
  }
}
