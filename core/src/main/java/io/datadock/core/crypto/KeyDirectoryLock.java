package io.datadock.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Mutual exclusion on a key directory, across processes (a lock on its {@code .lock} file, {@code
 * rw-------}) and within this JVM (where a second lock on the same file would throw): instances
 * sharing the directory and starting together must not each create a first key.
 */
final class KeyDirectoryLock {

  static final String LOCK_FILE = ".lock";

  private KeyDirectoryLock() {}

  /** Runs {@code action} holding the lock on {@code dir}, creating the directory if need be. */
  static <T> T holding(Path dir, Supplier<T> action) {
    synchronized (KeyDirectoryLock.class) {
      try {
        OwnerOnly.createDirectory(dir);
        try (FileChannel channel =
                FileChannel.open(
                    dir.resolve(LOCK_FILE),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    OwnerOnly.FILE);
            FileLock lock = channel.lock()) {
          return action.get();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot lock the key directory " + dir, e);
      }
    }
  }
}
