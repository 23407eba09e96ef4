package io.datadock.core.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The permissions of key material: directories {@code rwx------}, files {@code rw-------}, set when
 * they are created (never readable by others, not even briefly). A directory that predates Datadock
 * (a mounted volume) is not changed: the operator is told.
 */
final class OwnerOnly {

  private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);

  static final FileAttribute<Set<PosixFilePermission>> DIRECTORY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  static final FileAttribute<Set<PosixFilePermission>> FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private OwnerOnly() {}

  /** Creates {@code dir} (and missing parents) {@code rwx------} unless it exists. */
  static void createDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, DIRECTORY);
    }
  }

  /** Warns when {@code dir} is open to group or others; changes nothing. */
  static void warnIfOpenToOthers(Path dir) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
      if (perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
        LOG.warn(
            "key directory {} is accessible to group or others ({}); it should be rwx------",
            dir.toAbsolutePath(),
            PosixFilePermissions.toString(perms));
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot check the permissions of {}", dir, e);
    }
  }
}
