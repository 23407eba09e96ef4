package io.datadock.secret.app;

import io.datadock.core.crypto.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a new key-signing key to a file, for a deployment to mount as secret-service's {@code
 * DATADOCK_KEY_SIGNING_KEY_FILE}, and its public half beside it ({@code <file>.pub}), which
 * gateways may mount as {@code DATADOCK_KEY_TRUST_ANCHOR}; prints the fingerprint, the other way to
 * give gateways the anchor: {@code java -cp datadock-local.jar io.datadock.secret.app.NewSigningKey
 * secrets/signing.key}.
 */
public final class NewSigningKey {

  private NewSigningKey() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: NewSigningKey <file>");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    Path publicFile = Path.of(args[0] + ".pub");
    if (Files.exists(file)) {
      System.err.println(file + " exists: refusing to overwrite the key gateways trust");
      System.exit(1);
    }
    SigningKey key = SigningKey.generate();
    key.writeTo(file);
    Files.writeString(publicFile, key.publicKeyPem(), StandardCharsets.US_ASCII);
    System.out.println(
        "wrote the signing key to " + file + " (mode 0600) and its public key to " + publicFile);
    System.out.println("DATADOCK_KEY_TRUST_ANCHOR=" + key.fingerprint());
  }
}
