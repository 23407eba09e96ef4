package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyDirectoryTest {

  @TempDir Path root;

  @Test
  void anAddedKeyIsFoundLoadedAndCountsAsAKey() throws Exception {
    Path dir = root.resolve("keys");
    KeyDirectory keys = new KeyDirectory(dir);
    assertThat(keys.hasKeys()).isFalse();
    assertThat(keys.loadAll()).isEmpty();

    RingKey key = RingKey.generate(0);
    keys.add(key);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(keys.hasKeys()).isTrue();
    assertThat(keys.find(key.keyId()).map(RingKey::publicKey)).hasValue(key.publicKey());
    assertThat(keys.loadAll()).extracting(RingKey::publicKey).containsExactly(key.publicKey());
  }

  @Test
  void aRetiredKeyIsNoLongerLoadedButStillFoundAsRetired() {
    KeyDirectory keys = new KeyDirectory(root);
    RingKey key = RingKey.generate(0);
    keys.add(key);

    keys.retire(key.keyId());

    assertThat(root.resolve(key.keyId() + ".retired")).exists();
    assertThat(keys.hasKeys()).isFalse();
    assertThat(keys.loadAll()).isEmpty();
    assertThat(keys.find(key.keyId())).isEmpty();
    assertThat(keys.findRetired(key.keyId()).map(RingKey::publicKey)).hasValue(key.publicKey());
    assertThatThrownBy(() -> keys.retire(key.keyId()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot retire key " + key.keyId());
  }

  @Test
  void anIdThatWouldNameAnotherPathFindsNothing() throws Exception {
    RingKey key = RingKey.generate(0);
    new KeyDirectory(root).add(key);
    Files.move(root.resolve(key.keyId() + ".key"), root.resolve("escape.key"));
    KeyDirectory inner = new KeyDirectory(Files.createDirectory(root.resolve("keys")));

    assertThat(inner.find("../escape")).isEmpty();
    assertThat(inner.findRetired("../escape")).isEmpty();
    assertThat(inner.find("k-unknown")).isEmpty();
  }
}
