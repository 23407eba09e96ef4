package io.datadock.faults.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A small file system this harness mounts ({@code mount -t tmpfs -o size=...}) and unmounts again:
 * a disk that can be filled in a moment and emptied by deleting a file. Needs root or
 * CAP_SYS_ADMIN; {@link #notPermitted} says whether this machine gives it.
 *
 * <p>Whatever is still mounted when the JVM exits (a run that failed before its {@code close}) is
 * detached by a shutdown hook ({@code umount -l}: the brokers killed by their own hook at the same
 * moment may still hold files open). Only the mount points this class mounted are touched.
 */
public final class Tmpfs implements AutoCloseable {

  private static final Set<Path> MOUNTED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> MOUNTED.forEach(Tmpfs::detach), "tmpfs-unmount"));
  }

  private final Path at;
  private volatile long bytes;

  private Tmpfs(Path at, long bytes) {
    this.at = at;
    this.bytes = bytes;
  }

  /** Mounts a tmpfs of {@code bytes} on {@code at} (created if missing, and empty). */
  public static Tmpfs mount(Path at, long bytes) {
    Path dir = at.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<String> failed =
        run("mount", "-t", "tmpfs", "-o", options(bytes), "datadock-faults", dir.toString());
    if (failed.isPresent()) {
      throw new IllegalStateException("cannot mount a tmpfs on " + dir + ": " + failed.get());
    }
    MOUNTED.add(dir);
    return new Tmpfs(dir, bytes);
  }

  /**
   * Tries once to mount (and unmount) a tiny tmpfs on {@code probe}: empty when this machine lets
   * the harness mount, else why not (the command's own message).
   */
  public static Optional<String> notPermitted(Path probe) {
    try {
      mount(probe, 1024 * 1024).close();
      Files.deleteIfExists(probe);
      return Optional.empty();
    } catch (IllegalStateException | IOException | UncheckedIOException e) {
      return Optional.of(e.getMessage());
    }
  }

  static String options(long bytes) {
    if (bytes < 4096) {
      throw new IllegalArgumentException("a tmpfs needs at least one page, not " + bytes + " B");
    }
    return "size=" + bytes + ",mode=0755";
  }

  public Path path() {
    return at;
  }

  public long bytes() {
    return bytes;
  }

  /** Bytes its files take now. */
  public long used() {
    try {
      FileStore store = Files.getFileStore(at);
      return store.getTotalSpace() - store.getUnallocatedSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the usage of " + at, e);
    }
  }

  /**
   * Gives it a new size ({@code mount -o remount,size=...}); what it holds stays. A size below what
   * it holds is refused by the kernel.
   */
  public void resize(long newBytes) {
    Optional<String> failed = run("mount", "-o", "remount," + options(newBytes), at.toString());
    if (failed.isPresent()) {
      throw new IllegalStateException("cannot resize the tmpfs on " + at + ": " + failed.get());
    }
    bytes = newBytes;
  }

  /** Unmounts it if it is still mounted; lazily ({@code -l}) when something still holds a file. */
  @Override
  public void close() {
    if (MOUNTED.remove(at) && mounted(at) && run("umount", at.toString()).isPresent()) {
      detach(at);
    }
  }

  private static void detach(Path at) {
    if (mounted(at)) {
      run("umount", "-l", at.toString())
          .ifPresent(why -> System.err.println("cannot unmount " + at + ": " + why));
    }
  }

  private static boolean mounted(Path at) {
    try {
      return MountTable.isMountPoint(
          Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8), at);
    } catch (IOException e) {
      return true; // cannot tell: try to unmount what this class mounted
    }
  }

  /** Runs a command; empty when it exits 0, else its output (or why it could not run). */
  private static Optional<String> run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.of(String.join(" ", command) + ": no answer within 20 s");
      }
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0
          ? Optional.empty()
          : Optional.of(String.join(" ", command) + ": exit " + p.exitValue() + ": " + output);
    } catch (IOException e) {
      return Optional.of(String.join(" ", command) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(String.join(" ", command) + ": interrupted");
    }
  }
}
