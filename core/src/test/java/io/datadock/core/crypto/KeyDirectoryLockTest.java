package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyDirectoryLockTest {

  @TempDir Path root;

  @Test
  void theLockCreatesAnOwnerOnlyDirectoryAndLockFileAndReturnsTheActionsResult() throws Exception {
    Path dir = root.resolve("a").resolve("keys");

    String result = KeyDirectoryLock.holding(dir, () -> "done");

    assertThat(result).isEqualTo("done");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(KeyDirectoryLock.LOCK_FILE))))
        .isEqualTo("rw-------");
    assertThat(KeyDirectoryLock.holding(dir, () -> 2)).as("released, so taken again").isEqualTo(2);
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsReported() throws Exception {
    Path file = Files.writeString(root.resolve("not-a-directory"), "x");

    assertThatThrownBy(() -> KeyDirectoryLock.holding(file.resolve("keys"), () -> "never"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot lock the key directory " + file.resolve("keys"));
  }
}
