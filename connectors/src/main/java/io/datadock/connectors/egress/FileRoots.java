package io.datadock.connectors.egress;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directories {@code file} sources may use ({@code DATADOCK_FILE_ROOTS}). A path is inside when
 * its real path (every symbolic link resolved) is under the real path of a root; a root that does
 * not exist holds nothing. A path that does not exist is reported missing only when it would be
 * inside, so a check cannot probe which paths exist elsewhere.
 */
public final class FileRoots {

  private final List<Path> roots;

  private FileRoots(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  public static FileRoots of(List<Path> roots) {
    return new FileRoots(
        roots.stream().map(root -> root.toAbsolutePath().normalize()).distinct().toList());
  }

  /** Directories from a list separated by ',' (or the platform's path separator). */
  public static List<Path> parse(String text) {
    List<Path> paths = new ArrayList<>();
    if (text != null) {
      for (String part : text.split("[," + java.io.File.pathSeparator + "]")) {
        if (!part.isBlank()) {
          try {
            paths.add(Path.of(part.trim()));
          } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid file root '" + part.trim() + "'");
          }
        }
      }
    }
    return paths;
  }

  public List<Path> roots() {
    return roots;
  }

  /**
   * Why {@code path} may not be used ({@code path /etc is outside the allowed file roots}, {@code
   * path /data/x does not exist}), or empty with its real path inside a root.
   */
  public Optional<String> problem(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path real;
    try {
      real = absolute.toRealPath();
    } catch (NoSuchFileException e) {
      return Optional.of(
          underLexically(absolute)
              ? "path " + path + " does not exist"
              : "path " + path + " is outside the allowed file roots");
    } catch (IOException | SecurityException e) {
      return Optional.of("path " + path + " is outside the allowed file roots");
    }
    return contains(real)
        ? Optional.empty()
        : Optional.of("path " + path + " is outside the allowed file roots");
  }

  /** Whether a real path (links already resolved) is a root or below one. */
  public boolean contains(Path realPath) {
    for (Path root : roots) {
      try {
        if (realPath.startsWith(root.toRealPath())) {
          return true;
        }
      } catch (IOException | SecurityException e) {
        // a root that does not exist (yet) holds nothing
      }
    }
    return false;
  }

  /** Whether an entry met inside a tree may be followed: its target's real path is inside. */
  public boolean leadsInside(Path entry) {
    try {
      return contains(entry.toRealPath());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private boolean underLexically(Path absolute) {
    for (Path root : roots) {
      if (absolute.startsWith(root)) {
        return true;
      }
      try {
        if (absolute.startsWith(root.toRealPath())) {
          return true;
        }
      } catch (IOException | SecurityException e) {
        // not there
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "FileRoots" + roots;
  }
}
