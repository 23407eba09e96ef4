package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorTest {

  @TempDir Path dir;

  private final SigningKey key = SigningKey.generate();

  @Test
  void aFingerprintAPublicKeyFileAndAFingerprintFileAreTheSameAnchor() throws Exception {
    Path pub = Files.writeString(dir.resolve("signing.pub"), key.publicKeyPem());
    Path line = Files.writeString(dir.resolve("fingerprint"), key.fingerprint() + "\n");

    assertThat(TrustAnchor.of(key.fingerprint()).trusts(key.publicKey())).isTrue();
    assertThat(TrustAnchor.of(pub.toString()).fingerprint()).isEqualTo(key.fingerprint());
    assertThat(TrustAnchor.of(line.toString()).fingerprint()).isEqualTo(key.fingerprint());
    assertThat(TrustAnchor.of(key.fingerprint()).trusts(SigningKey.generate().publicKey()))
        .isFalse();
  }

  @Test
  void aMissingOrMalformedAnchorSaysWhatIsExpected() {
    assertThatThrownBy(() -> TrustAnchor.of(null)).hasMessageContaining("required");
    assertThatThrownBy(() -> TrustAnchor.of("sha256:abc")).hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> TrustAnchor.of(dir.resolve("nope").toString()))
        .hasMessageContaining("nor a readable file");
  }
}
