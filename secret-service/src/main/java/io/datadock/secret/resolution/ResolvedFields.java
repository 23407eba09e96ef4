package io.datadock.secret.resolution;

import io.datadock.core.crypto.SecretPayloads;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a resolution returns, by secret type: {@code key-value} gives each pair as its own
 * field; {@code key-value-properties} one {@code properties} field in properties syntax; {@code
 * certificates} the file contents (base64, as they were applied); the cloud-kernel types both pairs
 * and files. Beside the fields, a resolution hands out every file of any type ({@link #files}).
 */
public final class ResolvedFields {

  public static final String PROPERTIES = "properties";

  private ResolvedFields() {}

  public static Map<String, String> of(String secretType, SecretPayloads.Decoded payload) {
    Map<String, String> fields = new LinkedHashMap<>();
    switch (secretType) {
      case "key-value-properties" -> {
        StringBuilder properties = new StringBuilder();
        payload
            .data()
            .forEach((k, v) -> properties.append(k).append('=').append(escape(v)).append('\n'));
        fields.put(PROPERTIES, properties.toString());
      }
      case "certificates" -> payload.files().forEach((k, v) -> fields.put(k, base64(v)));
      case "key-value" -> fields.putAll(payload.data());
      default -> {
        fields.putAll(payload.data());
        payload.files().forEach((k, v) -> fields.put(k, base64(v)));
      }
    }
    return fields;
  }

  /**
   * Every file of the secret, base64, under its name, whatever the type: what a connection needs
   * beside the fields (a TLS root certificate, a client key, a JSON key file).
   */
  public static Map<String, String> files(SecretPayloads.Decoded payload) {
    Map<String, String> files = new LinkedHashMap<>();
    payload.files().forEach((k, v) -> files.put(k, base64(v)));
    return files;
  }

  /** Data pairs and file contents (base64) as applied, whatever the type: for unsanitized reads. */
  public static Map<String, String> raw(SecretPayloads.Decoded payload) {
    Map<String, String> fields = new LinkedHashMap<>(payload.data());
    payload.files().forEach((k, v) -> fields.put(k, base64(v)));
    return fields;
  }

  private static String base64(byte[] content) {
    return Base64.getEncoder().encodeToString(content);
  }

  /** Properties syntax: backslash, newlines and leading blanks would change the meaning. */
  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case ' ' -> out.append(i == 0 ? "\\ " : " ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
