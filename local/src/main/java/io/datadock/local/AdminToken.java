package io.datadock.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bootstrap admin token of the embedded platform: given, or kept in the data dir (mode 0600) so
 * that a restart on the same data dir keeps working with the same CLI profile.
 */
final class AdminToken {

  private AdminToken() {}

  static String resolve(String given, Path dataDir) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    Path file = dataDir.resolve("admin-token");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      String token = generate();
      writePrivate(file, token);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the admin token in " + dataDir, e);
    }
  }

  /** A fresh random token (192 bits). */
  static String generate() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return "ddk_" + HexFormat.of().formatHex(random);
  }

  static void writePrivate(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp =
        Files.createTempFile(
            file.getParent(),
            ".tmp",
            null,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
