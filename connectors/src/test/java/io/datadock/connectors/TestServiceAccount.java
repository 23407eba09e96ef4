package io.datadock.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Google service account for tests: a fresh RSA key and the key JSON Google hands out for it
 * ({@code type}, {@code client_email}, {@code private_key} as PKCS#8 PEM, {@code token_uri}), which
 * a secret carries as its file {@code json_keyfile}.
 */
public record TestServiceAccount(String email, KeyPair keys) {

  public static TestServiceAccount create(String email) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TestServiceAccount(email, generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public PublicKey publicKey() {
    return keys.getPublic();
  }

  /** The private key as the key file holds it: PEM, 64 characters a line. */
  public String privateKeyPem() {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  /** Every base64 line of the private key: none may appear in any message. */
  public List<String> privateKeyLines() {
    return privateKeyPem().lines().filter(line -> !line.startsWith("-----")).toList();
  }

  /** The key JSON with its token endpoint at {@code tokenUri}. */
  public byte[] keyFile(String tokenUri) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("type", "service_account");
    json.put("project_id", "datadock-test");
    json.put("private_key_id", "0123456789abcdef");
    json.put("private_key", privateKeyPem());
    json.put("client_email", email);
    json.put("client_id", "1234567890");
    json.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
    json.put("token_uri", tokenUri);
    try {
      return new ObjectMapper().writeValueAsBytes(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A secret carrying the key file as {@code json_keyfile}. */
  public Credentials credentials(String tokenUri) {
    return new Credentials(Map.of(), Map.of("json_keyfile", keyFile(tokenUri)));
  }
}
