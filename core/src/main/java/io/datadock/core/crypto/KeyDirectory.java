package io.datadock.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory of secret-service's key files: each key a file {@code <keyId>.key} ({@link
 * KeyFileFormat}, {@code rw-------}, the directory {@code rwx------} when created here). A retired
 * key is renamed {@code <keyId>.retired}: no longer loaded, but not destroyed by Datadock (an
 * operator deletes it once backups are rotated).
 */
final class KeyDirectory {

  static final String SUFFIX = ".key";
  static final String RETIRED_SUFFIX = ".retired";

  /** What a key id may be: a file is looked up by id only when it cannot name another path. */
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]+");

  private final Path dir;

  KeyDirectory(Path dir) {
    this.dir = dir;
  }

  Path path() {
    return dir;
  }

  /** Whether the directory holds at least one (unretired) key file. */
  boolean hasKeys() {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(SUFFIX));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the key directory " + dir, e);
    }
  }

  /** Every unretired key; none when the directory does not exist. */
  List<RingKey> loadAll() {
    List<RingKey> keys = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return keys;
    }
    OwnerOnly.warnIfOpenToOthers(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
        keys.add(KeyFileFormat.read(file, SUFFIX));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key directory " + dir, e);
    }
    return keys;
  }

  /** The unretired key {@code keyId}, when its file is here. */
  Optional<RingKey> find(String keyId) {
    return read(keyId, SUFFIX, "cannot read key ");
  }

  /** The retired key {@code keyId}, when its file is still here. */
  Optional<RingKey> findRetired(String keyId) {
    return read(keyId, RETIRED_SUFFIX, "cannot read retired key ");
  }

  /** Persists a new key, durably ({@link DurableFiles#write}). */
  void add(RingKey key) {
    try {
      OwnerOnly.createDirectory(dir);
      DurableFiles.write(dir.resolve(key.keyId() + SUFFIX), KeyFileFormat.write(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a key to " + dir, e);
    }
  }

  /** Renames the key's file to {@code <keyId>.retired}, durably. */
  void retire(String keyId) {
    try {
      DurableFiles.rename(dir.resolve(keyId + SUFFIX), dir.resolve(keyId + RETIRED_SUFFIX));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot retire key " + keyId, e);
    }
  }

  private Optional<RingKey> read(String keyId, String suffix, String failure) {
    if (!KEY_ID.matcher(keyId).matches()) {
      return Optional.empty();
    }
    Path file = dir.resolve(keyId + suffix);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(KeyFileFormat.read(file, suffix));
    } catch (IOException e) {
      throw new UncheckedIOException(failure + keyId, e);
    }
  }
}
