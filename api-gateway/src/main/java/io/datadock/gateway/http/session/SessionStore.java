package io.datadock.gateway.http.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's sessions, in this gateway instance's memory: an opaque random id (the cookie) maps
 * to the {@link Session}. Kept under the id's SHA-256, so the map itself holds no usable cookie. A
 * session ends when idle for {@link #idleTimeout()}, after {@link #maxLifetime()} in any case, on
 * sign-out, or when the store is full and it is the least recently used.
 */
public final class SessionStore {

  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration MAX_LIFETIME = Duration.ofHours(12);
  public static final int MAX_SESSIONS = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Duration idleTimeout;
  private final Duration maxLifetime;
  private final Map<String, Session> sessions;

  public SessionStore(Clock clock, Duration idleTimeout, Duration maxLifetime, int maxSessions) {
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.maxLifetime = maxLifetime;
    this.sessions =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > maxSessions;
          }
        };
  }

  public static SessionStore defaults() {
    return new SessionStore(Clock.systemUTC(), IDLE_TIMEOUT, MAX_LIFETIME, MAX_SESSIONS);
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  public Duration maxLifetime() {
    return maxLifetime;
  }

  /** A new session for a verified token; answers the id to set as the cookie. */
  public synchronized Started start(String token) {
    String id = randomToken();
    Instant now = clock.instant();
    Session session = new Session(token, randomToken(), now, now);
    sessions.put(hash(id), session);
    return new Started(id, session);
  }

  /** The live session of a cookie's id, marked as seen now; empty when unknown or expired. */
  public synchronized Optional<Session> touch(String id) {
    String key = hash(id);
    Session session = sessions.get(key);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      sessions.remove(key);
      return Optional.empty();
    }
    Session seen = session.seenAt(now);
    sessions.put(key, seen);
    return Optional.of(seen);
  }

  /** Ends a session (sign-out, or a token that no longer verifies); unknown ids are ignored. */
  public synchronized void end(String id) {
    sessions.remove(hash(id));
  }

  public synchronized int size() {
    sessions.values().removeIf(s -> expired(s, clock.instant()));
    return sessions.size();
  }

  private boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastSeen().plus(idleTimeout))
        || !now.isBefore(s.createdAt().plus(maxLifetime));
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String id) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A session just begun, with the id only its cookie carries. */
  public record Started(String id, Session session) {
    @Override
    public String toString() {
      return "Started[" + session + "]";
    }
  }
}
