package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

  @TempDir Path dir;

  @Test
  void aWrittenFileIsOwnerOnlyAndNoTemporaryFileStays() throws Exception {
    Path target = dir.resolve("k-1.key");

    DurableFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
    DurableFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));

    assertThat(target).hasContent("second");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aWriteThatCannotHappenLeavesNothing() {
    Path missing = dir.resolve("missing").resolve("k-1.key");

    assertThatThrownBy(() -> DurableFiles.write(missing, new byte[] {1}))
        .isInstanceOf(IOException.class);
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void aRenameMovesTheFile() throws Exception {
    Path from = Files.writeString(dir.resolve("k-1.key"), "key");

    DurableFiles.rename(from, dir.resolve("k-1.retired"));

    assertThat(from).doesNotExist();
    assertThat(dir.resolve("k-1.retired")).hasContent("key");
  }
}
