package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

  @TempDir Path dir;

  @Test
  void aKeyWrittenOnFirstUseIsTheSameKeyOnTheNext() throws Exception {
    Path file = dir.resolve("secret-service").resolve("signing.key");

    SigningKey first = SigningKey.loadOrCreate(file);
    SigningKey again = SigningKey.loadOrCreate(file);

    assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    byte[] message = {1, 2, 3};
    assertThat(TrustAnchor.verifies(first.publicKey(), message, again.sign(message))).isTrue();
  }

  @Test
  void aFileThatIsNotASigningKeyIsRefusedNamingTheFileNotItsContent() throws Exception {
    Path file = dir.resolve("signing.key");
    Files.writeString(
        file, "-----BEGIN PRIVATE KEY-----\nc2VjcmV0c2VjcmV0\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> SigningKey.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("c2VjcmV0c2VjcmV0");
  }

  @Test
  void aFileWhosePublicKeyIsAnotherKeysIsRefused() throws Exception {
    Path file = dir.resolve("signing.key");
    SigningKey.generate().writeTo(file);
    String mine = Files.readString(file);
    String other = SigningKey.generate().publicKeyPem();
    Files.writeString(file, mine.substring(0, mine.indexOf("-----BEGIN PUBLIC KEY")) + other);

    assertThatThrownBy(() -> SigningKey.read(file)).hasMessageContaining("not its private key's");
  }
}
