package io.datadock.runtime.resolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Credential resolution through secret-service's {@code POST /internal/v1/resolve}: authenticated
 * with the service token, naming the depot so secret-service can check the depot references the
 * secret, audited there. Values live only in the returned map, for as long as its caller needs
 * them.
 */
public final class ResolutionClient {

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

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String token;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * @param baseUrl secret-service's resolution base URL, e.g. {@code http://localhost:8081}
   */
  public ResolutionClient(String baseUrl, String token, Duration timeout) {
    this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/internal/v1/resolve");
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
   * @param depotKey the depot the values are for; secret-service answers only when the secret
   *     granted that depot's reference
   * @throws ResolutionException when refused or unreachable
   */
  public Resolved resolveWithFiles(String secretKey, String purpose, String depotKey) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("secret", secretKey);
    body.put("purpose", purpose);
    body.put("depot", depotKey);
    HttpResponse<byte[]> response;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
              .build();
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ResolutionException(
          "secret-service is unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResolutionException("interrupted while resolving credentials");
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() != 200) {
      String message = answer == null ? null : answer.path("error").path("message").asText(null);
      throw new ResolutionException(
          "secret-service refused (" + response.statusCode() + "): " + message);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    JsonNode node = answer == null ? null : answer.get("fields");
    if (node != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.put(e.getKey(), e.getValue().asText());
      }
    }
    return new Resolved(unfold(fields), files(answer));
  }

  /** The answer's {@code files}: base64 by name (older secret-services send none). */
  static Map<String, byte[]> files(JsonNode answer) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    JsonNode node = answer == null ? null : answer.get("files");
    if (node != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        try {
          files.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText()));
        } catch (IllegalArgumentException bad) {
          throw new ResolutionException(
              "secret-service answered file '" + e.getKey() + "' in a form that is not base64");
        }
      }
    }
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
    java.util.Properties properties = new java.util.Properties();
    try {
      properties.load(new java.io.StringReader(fields.get("properties")));
    } catch (IOException e) {
      return fields;
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> pairs.put(k, properties.getProperty(k)));
    return pairs;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
