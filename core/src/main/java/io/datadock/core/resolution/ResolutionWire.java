package io.datadock.core.resolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wire of secret-service's credential resolution, in one place for its server and its clients
 * (depot-service's and the scanner's, the gateway's unsanitized reads): where it answers, and the
 * JSON of {@link ResolveRequest}, {@link ResolveAnswer} and {@link ResolveError}.
 */
public final class ResolutionWire {

  /** {@code POST} only. */
  public static final String PATH = "/internal/v1/resolve";

  /**
   * Set by an instance that forwards a request to the instance owning the secret's partition; a
   * forwarded request is never forwarded again.
   */
  public static final String FORWARDED_HEADER = "X-Datadock-Forwarded";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResolutionWire() {}

  public static byte[] write(ResolveRequest request) {
    ObjectNode json = JSON.createObjectNode();
    json.put("secret", request.secret());
    json.put("purpose", request.purpose());
    if (request.depot() != null) {
      json.put("depot", request.depot());
    }
    return bytes(json);
  }

  /** The request, or empty when the body is not JSON or lacks a textual secret or purpose. */
  public static Optional<ResolveRequest> readRequest(byte[] body) {
    JsonNode json = parse(body);
    String secret = text(json, "secret");
    String purpose = text(json, "purpose");
    if (secret == null || purpose == null) {
      return Optional.empty();
    }
    return Optional.of(new ResolveRequest(secret, purpose, text(json, "depot")));
  }

  public static byte[] write(ResolveAnswer answer) {
    ObjectNode json = JSON.createObjectNode();
    json.put("secret", answer.secret());
    json.put("purpose", answer.purpose());
    answer.fields().forEach(json.putObject("fields")::put);
    answer.files().forEach(json.putObject("files")::put);
    return bytes(json);
  }

  /** The answer, or empty when the body is not a JSON object. */
  public static Optional<ResolveAnswer> readAnswer(byte[] body) {
    JsonNode json = parse(body);
    if (json == null || !json.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new ResolveAnswer(
            text(json, "secret"),
            text(json, "purpose"),
            texts(json.get("fields")),
            texts(json.get("files"))));
  }

  public static byte[] write(ResolveError error) {
    ObjectNode json = JSON.createObjectNode();
    json.putObject("error").put("code", error.code()).put("message", error.message());
    return bytes(json);
  }

  /** The error, or empty when the body holds none. */
  public static Optional<ResolveError> readError(byte[] body) {
    JsonNode error = parse(body);
    error = error == null ? null : error.get("error");
    if (error == null || !error.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new ResolveError(text(error, "code"), text(error, "message")));
  }

  private static Map<String, String> texts(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null) {
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json == null ? null : json.get(field);
    return node != null && node.isTextual() ? node.asText() : null;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body == null ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] bytes(ObjectNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a resolution message", e);
    }
  }
}
