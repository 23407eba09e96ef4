package io.datadock.faults.disk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file written into a directory until its file system is full (ENOSPC), and deleted again: a disk
 * filling up and freed, as a process writing beside a broker would do it.
 */
public final class Ballast {

  private final Path file;
  private final long bytes;

  private Ballast(Path file, long bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  /**
   * Writes {@code dir/ballast} until no byte more fits (a write that does not fit whole writes what
   * fits, then fails); any failure other than ENOSPC is thrown.
   */
  public static Ballast fill(Path dir) {
    Path file = dir.resolve("ballast");
    byte[] chunk = new byte[1024 * 1024];
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        while (true) {
          out.write(chunk);
        }
      } catch (IOException e) {
        if (!isNoSpace(e)) {
          throw e;
        }
      }
      return new Ballast(file, Files.size(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fill " + dir, e);
    }
  }

  /** The kernel's ENOSPC as Java reports it. */
  static boolean isNoSpace(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("No space left on device");
  }

  public long bytes() {
    return bytes;
  }

  /** Deletes the file: its space is free again at once. */
  public void free() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot free " + file, e);
    }
  }
}
