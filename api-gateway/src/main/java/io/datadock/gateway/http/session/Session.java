package io.datadock.gateway.http.session;

import java.time.Instant;

/**
 * One signed-in browser: the API key (or admin token) it signed in with, held only in the gateway's
 * memory, and the CSRF token its state-changing requests must carry.
 *
 * @param token the bearer token, verified again on every request, so revoking it ends the session
 * @param csrfToken sent back in the {@code X-CSRF-Token} header by the page, which holds it in
 *     memory
 * @param createdAt when the session began; it ends {@link SessionStore#maxLifetime()} later at most
 * @param lastSeen the last request; the session ends after {@link SessionStore#idleTimeout()} idle
 */
public record Session(String token, String csrfToken, Instant createdAt, Instant lastSeen) {

  /** The token, never printed: a session in a log line or exception shows no credential. */
  @Override
  public String toString() {
    return "Session[createdAt=" + createdAt + ", lastSeen=" + lastSeen + "]";
  }

  Session seenAt(Instant now) {
    return new Session(token, csrfToken, createdAt, now);
  }
}
