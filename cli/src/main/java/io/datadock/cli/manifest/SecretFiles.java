package io.datadock.cli.manifest;

import io.datadock.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Inlines a secret's {@code files:} entries ({@code secret:} or {@code instance-secret:} block): an
 * entry naming a file, relative to the manifest, is replaced by the file's content in base64, which
 * the gateway expects; any other value is sent as written (already base64).
 */
public final class SecretFiles {

  private SecretFiles() {}

  public static void inline(ManifestDocument doc) {
    for (String block : ResourceType.SECRET_BLOCKS) {
      if (doc.body().get(block) instanceof Map<?, ?> spec
          && spec.get("files") instanceof Map<?, ?> files) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> entries = (Map<Object, Object>) files;
        for (Map.Entry<Object, Object> e : entries.entrySet()) {
          if (e.getValue() instanceof String value) {
            Path file = resolve(doc.source(), value);
            if (file != null) {
              e.setValue(base64(file));
            }
          }
        }
      }
    }
  }

  private static Path resolve(Path manifest, String value) {
    try {
      Path p = Path.of(value);
      Path dir = manifest.toAbsolutePath().getParent();
      Path file = p.isAbsolute() || dir == null ? p : dir.resolve(p);
      return Files.isRegularFile(file) ? file : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static String base64(Path file) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
