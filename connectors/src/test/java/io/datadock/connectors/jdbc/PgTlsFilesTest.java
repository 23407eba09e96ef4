package io.datadock.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.LoginFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PgTlsFilesTest {

  @Test
  void withoutFilesNoDirectoryIsMadeAndNoHomeDirectoryCertificateIsUsed() throws Exception {
    Properties properties = new Properties();

    LoginFiles files =
        PgTlsFiles.write(new Credentials(Map.of("username", "u"), Map.of()), properties);

    assertThat(files).isNull();
    assertThat(properties)
        .containsEntry("sslcert", "")
        .containsEntry("sslkey", "")
        .doesNotContainKeys("sslrootcert", "sslmode");
  }

  @Test
  void theSecretsFilesAreWrittenUnderTheConnectorsNamesAndTheCaTurnsOnVerifyFull()
      throws Exception {
    Properties properties = new Properties();
    Path root;
    try (LoginFiles files =
        PgTlsFiles.write(
            new Credentials(
                Map.of("username", "u", "sslpassword", "kp"),
                Map.of(
                    "SSLROOTCERT",
                    new byte[] {1},
                    "sslkey",
                    new byte[] {2},
                    "other",
                    new byte[] {3})),
            properties)) {
      root = Path.of(properties.getProperty("sslrootcert"));
      assertThat(root.getFileName()).hasToString("root.crt");
      assertThat(root.getParent().getParent()).isEqualTo(LoginFiles.root());
      assertThat(Files.readAllBytes(root)).containsExactly(1);
      assertThat(Files.readAllBytes(Path.of(properties.getProperty("sslkey")))).containsExactly(2);
      assertThat(properties)
          .containsEntry("sslmode", "verify-full")
          .containsEntry("sslcert", "")
          .containsEntry("sslpassword", "kp");
      try (var listed = Files.list(root.getParent())) {
        assertThat(listed.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("root.crt", "client.key");
      }
    }
    assertThat(root).doesNotExist();
    assertThat(root.getParent()).doesNotExist();
  }
}
