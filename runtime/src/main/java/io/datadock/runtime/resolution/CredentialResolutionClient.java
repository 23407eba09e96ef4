package io.datadock.runtime.resolution;

import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveAnswer;
import io.datadock.core.resolution.ResolveError;
import io.datadock.core.resolution.ResolveRequest;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The services' client of secret-service's credential resolution ({@link ResolutionWire#PATH}):
 * authenticated with the service token, naming the depot so secret-service can check the depot
 * references the secret, audited there. Values live only in the returned map, for as long as its
 * caller needs them.
 */
public final class CredentialResolutionClient {

  /** A refused or failed resolution; the message says why and never holds a value. */
  public static final class ResolutionException extends RuntimeException {
    public ResolutionException(String message) {
      super(message);
    }
  }

  /**
   * What a resolution handed out: the fields (a properties field unfolded into its pairs) and the
   * secret's files, decoded, by name. Its {@link #toString()} names keys only, never values.
   */
  public record Resolved(Map<String, String> data, Map<String, byte[]> files) {

    public Resolved {
      data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
      files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    @Override
    public String toString() {
      return "Resolved[data keys="
          + new TreeSet<>(data.keySet())
          + ", file keys="
          + new TreeSet<>(files.keySet())
          + "]";
    }
  }

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

  private static final ResolveAnswer NOTHING = new ResolveAnswer(null, null, Map.of(), Map.of());

  private final URI endpoint;
  private final String token;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * @param baseUrl secret-service's resolution base URL, e.g. {@code http://localhost:8081}
   * @param timeout the longest one resolution takes, its retries included
   */
  public CredentialResolutionClient(String baseUrl, String token, Duration timeout) {
    this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + ResolutionWire.PATH);
    this.token = token;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * The fields only, as {@link #resolveWithFiles}.
   *
   * @throws ResolutionException when refused or unreachable
   */
  public Map<String, String> resolve(String secretKey, String purpose, String depotKey) {
    return resolveWithFiles(secretKey, purpose, depotKey).data();
  }

  /**
   * Retries an unavailable secret-service (503, or no answer) with a growing back-off until the
   * timeout, as every instance start, kill or rebalance makes it for a few seconds; a depot checked
   * then would otherwise end {@code error} for a reason that was gone a moment later.
   *
   * @param depotKey the depot the values are for; secret-service answers only when the secret
   *     granted that depot's reference
   * @throws ResolutionException when refused, or still unavailable at the timeout
   */
  public Resolved resolveWithFiles(String secretKey, String purpose, String depotKey) {
    byte[] body = ResolutionWire.write(new ResolveRequest(secretKey, purpose, depotKey));
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      // a request's timeout must be positive; the back-off check below leaves at least its length
      Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
      Attempt attempt = send(body, left);
      if (attempt.answered() && attempt.response().statusCode() == 200) {
        ResolveAnswer answer = ResolutionWire.readAnswer(attempt.response().body()).orElse(NOTHING);
        return new Resolved(unfold(answer.fields()), files(answer.files()));
      }
      boolean passing = !attempt.answered() || attempt.response().statusCode() == 503;
      if (!passing || System.nanoTime() + backoff.toNanos() >= deadline) {
        throw attempt.failure();
      }
      pause(backoff);
      backoff = Collections.min(List.of(backoff.multipliedBy(2), MAX_BACKOFF));
    }
  }

  /**
   * One request: its response, or why there was none. A 503 (the secret's partition moving between
   * instances, its owner restarting, the audit not writable) and an instance that does not answer
   * pass; the resolution retries them until its timeout. Any other answer is final.
   */
  private record Attempt(HttpResponse<byte[]> response, ResolutionException noAnswer) {

    boolean answered() {
      return response != null;
    }

    ResolutionException failure() {
      if (!answered()) {
        return noAnswer;
      }
      String message =
          ResolutionWire.readError(response.body()).map(ResolveError::message).orElse(null);
      return new ResolutionException(
          "secret-service refused (" + response.statusCode() + "): " + message);
    }
  }

  private Attempt send(byte[] body, Duration left) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(left)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      return new Attempt(client.send(request, HttpResponse.BodyHandlers.ofByteArray()), null);
    } catch (IOException e) {
      return new Attempt(
          null,
          new ResolutionException(
              "secret-service is unreachable: " + e.getClass().getSimpleName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResolutionException("interrupted while resolving credentials");
    }
  }

  private static void pause(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResolutionException("interrupted while resolving credentials");
    }
  }

  /** The answer's {@code files}, decoded from base64, by name. */
  static Map<String, byte[]> files(Map<String, String> base64) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    base64.forEach(
        (name, value) -> {
          try {
            files.put(name, Base64.getDecoder().decode(value));
          } catch (IllegalArgumentException bad) {
            throw new ResolutionException(
                "secret-service answered file '" + name + "' in a form that is not base64");
          }
        });
    return files;
  }

  /**
   * A {@code key-value-properties} secret resolves to one {@code properties} field in properties
   * syntax (as DataOS hands it to tools); a connection check needs its pairs.
   */
  static Map<String, String> unfold(Map<String, String> fields) {
    if (fields.size() != 1 || !fields.containsKey("properties")) {
      return fields;
    }
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(fields.get("properties")));
    } catch (IOException e) {
      return fields;
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> pairs.put(k, properties.getProperty(k)));
    return pairs;
  }
}
