package io.datadock.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class LoginFilesTest {

  @Test
  void filesAreOwnerOnlyInAPrivateDirectoryAndGoneOnClose() throws Exception {
    Path file;
    Path directory;
    try (LoginFiles files = LoginFiles.create()) {
      file = files.write("root.crt", new byte[] {1, 2, 3});
      directory = file.getParent();

      assertThat(directory.getParent()).isEqualTo(LoginFiles.root());
      assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(LoginFiles.root())))
          .isEqualTo("rwx------");
      assertThat(files.path("client.key")).doesNotExist();
      assertThatThrownBy(() -> files.write("root.crt", new byte[] {4}))
          .hasMessage("login file 'root.crt' is written twice");
    }
    assertThat(file).doesNotExist();
    assertThat(directory).doesNotExist();
  }

  @Test
  void theConnectorPicksPlainNamesNeverPaths() throws Exception {
    try (LoginFiles files = LoginFiles.create()) {
      for (String name : new String[] {"../x", "/etc/passwd", "a/b", "", "Root.crt"}) {
        assertThatThrownBy(() -> files.path(name)).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }
}
