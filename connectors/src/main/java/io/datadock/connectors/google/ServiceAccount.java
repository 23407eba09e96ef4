package io.datadock.connectors.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.connectors.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Google service account from the secret's files: the key JSON Google hands out ({@code
 * client_email}, {@code private_key} as PKCS#8 PEM, {@code private_key_id}, {@code token_uri}),
 * under the file key {@code json_keyfile} (BigQuery's) or {@code gcskey_json} (GCS's). Parsing
 * never quotes the file: a message about it names the field only.
 */
public record ServiceAccount(
    String clientEmail, PrivateKey privateKey, String privateKeyId, String tokenUri) {

  /** The file keys a secret may carry the JSON under, in the order they are looked for. */
  static final List<String> FILE_KEYS = List.of("json_keyfile", "gcskey_json");

  static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A key file that cannot be used: the message names what is wrong, never a value. */
  public static final class Unusable extends IllegalArgumentException {
    Unusable(String message) {
      super(message);
    }
  }

  @Override
  public String toString() {
    return "ServiceAccount[" + clientEmail + "]";
  }

  /**
   * @throws Unusable when the secret has no key file or it is not a service account's key
   */
  public static ServiceAccount of(Credentials credentials) {
    byte[] file = keyFile(credentials);
    JsonNode json;
    try {
      json = JSON.readTree(file);
    } catch (IOException e) {
      throw new Unusable("the secret's key file is not JSON");
    }
    if (json == null || !json.isObject()) {
      throw new Unusable("the secret's key file is not a JSON object");
    }
    String type = text(json, "type");
    if (type != null && !type.equals("service_account")) {
      throw new Unusable("the secret's key file is not a service account's key (its 'type')");
    }
    String email = required(json, "client_email");
    PrivateKey key = rsaKey(required(json, "private_key"));
    String tokenUri = text(json, "token_uri");
    return new ServiceAccount(
        email,
        key,
        text(json, "private_key_id"),
        tokenUri == null || tokenUri.isBlank() ? DEFAULT_TOKEN_URI : tokenUri.trim());
  }

  /**
   * The credentials with the key file's secret parts added as data values, so that a message
   * quoting any of them (the PEM, one of its lines) is cleaned like a password would be.
   */
  public static Credentials redacting(Credentials credentials) {
    Map<String, String> data = new LinkedHashMap<>(credentials.data());
    List<String> secrets = new ArrayList<>();
    for (String name : FILE_KEYS) {
      byte[] file = credentials.files().get(name);
      if (file == null) {
        continue;
      }
      String text = new String(file, StandardCharsets.UTF_8);
      secrets.add(text);
      try {
        JsonNode key = JSON.readTree(file).get("private_key");
        if (key != null && key.isTextual()) {
          secrets.add(key.asText());
          for (String line : key.asText().split("\\R")) {
            if (line.length() >= 16) {
              secrets.add(line.strip());
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // not JSON: the whole text is redacted above
      }
    }
    for (int i = 0; i < secrets.size(); i++) {
      data.put("service_account_secret_" + i, secrets.get(i));
    }
    return new Credentials(data, credentials.files());
  }

  private static byte[] keyFile(Credentials credentials) {
    for (String name : FILE_KEYS) {
      byte[] file = credentials.files().get(name);
      if (file != null && file.length > 0) {
        return file;
      }
    }
    throw new Unusable("the secret has no file 'json_keyfile' (or 'gcskey_json')");
  }

  private static PrivateKey rsaKey(String pem) {
    String body =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new Unusable("the key file's private_key is not an RSA key in PKCS#8 PEM");
    }
  }

  private static String required(JsonNode json, String field) {
    String value = text(json, field);
    if (value == null || value.isBlank()) {
      throw new Unusable("the secret's key file has no '" + field + "'");
    }
    return value;
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
