package io.datadock.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM blocks ({@code -----BEGIN LABEL-----}, base64, {@code -----END LABEL-----}) in key files. */
final class Pem {

  static final String PRIVATE_KEY = "PRIVATE KEY";
  static final String PUBLIC_KEY = "PUBLIC KEY";

  private Pem() {}

  static String block(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  /** The DER bytes of the first block with this label, or empty when there is none. */
  static Optional<byte[]> read(String text, String label) {
    Matcher m =
        Pattern.compile(
                "-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]*)-----END " + label + "-----")
            .matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getMimeDecoder().decode(m.group(1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
