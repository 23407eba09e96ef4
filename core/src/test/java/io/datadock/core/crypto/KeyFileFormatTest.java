package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyFileFormatTest {

  private static final Path FILE = Path.of("/keys/k-0123456789abcdef.key");

  @Test
  void aWrittenKeyReadsBackAsTheSameKey() throws Exception {
    RingKey key = RingKey.generate(0);
    String content = new String(KeyFileFormat.write(key), StandardCharsets.UTF_8);

    RingKey read = KeyFileFormat.parse(content, Path.of("/keys/" + key.keyId() + ".key"), ".key");

    assertThat(read.publicKey()).isEqualTo(key.publicKey());
    assertThat(read.privateKeyBytes()).isEqualTo(key.privateKeyBytes());
    assertThat(content.lines())
        .containsExactly(
            "created=" + key.publicKey().createdAt(),
            "private=" + Base64.getEncoder().encodeToString(key.privateKeyBytes()),
            "public=" + Base64.getEncoder().encodeToString(key.publicKey().publicKey()));
  }

  @Test
  void aMountedKeyMayHaveAnyNameButADirectorysMustBeItsId() throws Exception {
    RingKey key = RingKey.generate(0);
    String content = new String(KeyFileFormat.write(key), StandardCharsets.UTF_8);

    assertThat(KeyFileFormat.parse(content, Path.of("/run/secrets/sealing-key"), null).keyId())
        .isEqualTo(key.keyId());
    assertThatThrownBy(() -> KeyFileFormat.parse(content, FILE, ".key"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "key file "
                + FILE
                + " is unusable: it holds key "
                + key.keyId()
                + " and must be named "
                + key.keyId()
                + ".key");
  }

  @Test
  void eachUnusableFieldIsNamedAndNothingOfTheFileQuoted() {
    String privateKey = Base64.getEncoder().encodeToString(RingKey.generate(0).privateKeyBytes());
    String publicKey =
        Base64.getEncoder().encodeToString(RingKey.generate(0).publicKey().publicKey());

    assertUnusable("private=" + privateKey + "\npublic=" + publicKey, "it has no 'created' line");
    assertUnusable(
        "created=soon\nprivate=" + privateKey + "\npublic=" + publicKey,
        "'created' is not epoch millis");
    assertUnusable("created=1\nprivate=" + privateKey + "\npublic=%%", "'public' is not base64");
    assertUnusable("created=1\nprivate=AAAA\npublic=" + publicKey, "is not an X25519 key");
    assertUnusable(
        "created=1\nprivate=" + privateKey + "\npublic=" + publicKey,
        "'public' is not the public key of 'private'");
  }

  private static void assertUnusable(String content, String why) {
    assertThatThrownBy(() -> KeyFileFormat.parse(content, FILE, ".key"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(FILE.toString())
        .hasMessageContaining(why)
        .hasNoCause()
        .satisfies(
            e ->
                content
                    .lines()
                    .map(l -> l.substring(l.indexOf('=') + 1))
                    .filter(v -> v.length() > 4)
                    .forEach(v -> assertThat(e.getMessage()).doesNotContain(v)));
  }
}
