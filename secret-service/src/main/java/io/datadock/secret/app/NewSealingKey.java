package io.datadock.secret.app;

import io.datadock.core.crypto.KeyRing;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a new sealing key pair to a file, for a deployment to mount as secret-service's key
 * ({@code DATADOCK_SECRET_KEY_FILE}): {@code java -cp datadock-local.jar
 * io.datadock.secret.app.NewSealingKey secrets/sealing.key}.
 */
public final class NewSealingKey {

  private NewSealingKey() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: NewSealingKey <file>");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    if (Files.exists(file)) {
      System.err.println(file + " exists: refusing to overwrite a key (secrets sealed to it)");
      System.exit(1);
    }
    String keyId = KeyRing.newKeyFile(file);
    System.out.println("wrote key " + keyId + " to " + file + " (mode 0600)");
  }
}
