package io.datadock.connectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret's files on disk for the length of one login, for drivers that read a TLS certificate or
 * a key only from a path. The connector picks the path, never the manifest: a fresh directory
 * (0700) under this process's own directory (0700, {@code datadock-files-*} in the JVM's temp
 * directory), each file written new with mode 0600 under a name the connector gives. {@link
 * #close()} deletes the files and the directory; the connectors close it as soon as the driver has
 * connected or given up. Nothing here logs or throws a file's content.
 */
public final class LoginFiles implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LoginFiles.class);
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{0,40}");
  private static Path root;

  private final Path directory;
  private final List<Path> written = new ArrayList<>();

  private LoginFiles(Path directory) {
    this.directory = directory;
  }

  /** A new, empty, private directory for one login. */
  public static LoginFiles create() throws IOException {
    return new LoginFiles(Files.createTempDirectory(root(), "login-", owner(DIRECTORY)));
  }

  /**
   * The directory every login's files live under, created once per process (and removed at exit
   * when empty). Tests look into it; nothing else should.
   */
  public static synchronized Path root() throws IOException {
    if (root == null || !Files.isDirectory(root)) {
      root = Files.createTempDirectory("datadock-files-", owner(DIRECTORY));
      root.toFile().deleteOnExit();
    }
    return root;
  }

  /**
   * Writes {@code content} as a new 0600 file named {@code name} (the connector's choice: lower
   * case letters, digits, {@code .} and {@code -}) and returns its path.
   */
  public Path write(String name, byte[] content) throws IOException {
    Path file = path(name);
    try (SeekableByteChannel out =
        Files.newByteChannel(
            file,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            owner(FILE))) {
      written.add(file);
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
    } catch (FileAlreadyExistsException e) {
      throw new IOException("login file '" + name + "' is written twice");
    }
    return file;
  }

  /** Where a file named {@code name} is, or would be: a path the driver may find missing. */
  public Path path(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a login file name: " + name);
    }
    return directory.resolve(name);
  }

  @Override
  public void close() {
    for (Path file : written) {
      delete(file);
    }
    delete(directory);
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn(
          "login file not deleted path={} error={}", path.getFileName(), e.getClass().getName());
    }
  }

  /** Owner-only permissions where the file system has POSIX permissions. */
  private static FileAttribute<?>[] owner(Set<PosixFilePermission> permissions) {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }
}
