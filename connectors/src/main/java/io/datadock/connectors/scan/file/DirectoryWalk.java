package io.datadock.connectors.scan.file;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.FileRoots;
import io.datadock.connectors.file.FileFormats;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Walks a directory tree for files of the known formats. Each folder is a collection named by its
 * path relative to the root ("/" separated; the root itself is "none"); hidden files and folders
 * are skipped and symbolic links to folders are not followed; a link to a file is read only when
 * its target's real path is inside the allowed {@link FileRoots} (else it is left out with a note).
 * Safe to read from another thread while it runs, so a walk stopped at the deadline still returns
 * what it read.
 */
final class DirectoryWalk extends SimpleFileVisitor<Path> {

  static final String ROOT_COLLECTION = "none";

  private final Path root;
  private final Optional<String> onlyFormat;
  private final ScanFilter filter;
  private final FileRoots roots;
  private final Deadline deadline;
  private final List<DatasetMeta> datasets = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private volatile boolean stopped;
  private boolean incomplete;

  DirectoryWalk(
      Path root,
      Optional<String> onlyFormat,
      ScanFilter filter,
      FileRoots roots,
      Deadline deadline) {
    this.root = root;
    this.onlyFormat = onlyFormat;
    this.filter = filter;
    this.roots = roots;
    this.deadline = deadline;
  }

  void run() throws IOException {
    Files.walkFileTree(root, this);
  }

  /** Ends the walk at the next file and records why. */
  synchronized void stop(String reason) {
    stopped = true;
    incomplete = true;
    errors.add(reason);
  }

  synchronized ScanResult result() {
    List<DatasetMeta> sorted = new ArrayList<>(datasets);
    sorted.sort(Comparator.comparing(DatasetMeta::collection).thenComparing(DatasetMeta::name));
    return new ScanResult(sorted, errors, !incomplete);
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
    if (stopped) {
      return FileVisitResult.TERMINATE;
    }
    return !dir.equals(root) && hidden(dir)
        ? FileVisitResult.SKIP_SUBTREE
        : FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
    if (stopped) {
      return FileVisitResult.TERMINATE;
    }
    if (deadline.expired()) {
      stop("no answer from the file system within " + deadline.describe());
      return FileVisitResult.TERMINATE;
    }
    String name = file.getFileName().toString();
    Optional<String> format = FileFormats.of(name);
    if (hidden(file)
        || attributes.isDirectory()
        || format.isEmpty()
        || (onlyFormat.isPresent() && !onlyFormat.equals(format))
        || (attributes.isSymbolicLink() && Files.isDirectory(file))) {
      return FileVisitResult.CONTINUE;
    }
    String collection = collection(file.getParent());
    if (!filter.dataset(collection, name)) {
      return FileVisitResult.CONTINUE;
    }
    if (attributes.isSymbolicLink() && Files.exists(file) && !roots.leadsInside(file)) {
      note("not followed: " + relative(file) + " leads outside the allowed file roots");
      return FileVisitResult.CONTINUE;
    }
    try {
      add(FileSchemas.read(file, collection, format.get()));
    } catch (IOException | RuntimeException e) {
      failed(file, e instanceof IOException io ? FileSchemas.reason(io) : e.toString());
    } catch (LinkageError e) {
      // parquet-format-structures missing from the classpath: the file is there, its schema not.
      add(FileSchemas.withoutColumns(file, collection, format.get()));
      note("parquet schema not read: " + e + " (" + relative(file) + ")");
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException error) {
    if (file.equals(root)) {
      stop("cannot read " + root + ": " + FileSchemas.reason(error));
      return FileVisitResult.TERMINATE;
    }
    failed(file, FileSchemas.reason(error));
    return FileVisitResult.CONTINUE;
  }

  private synchronized void add(DatasetMeta dataset) {
    datasets.add(dataset);
  }

  private synchronized void failed(Path file, String reason) {
    errors.add("cannot read " + relative(file) + ": " + reason);
    incomplete = true;
  }

  /** An error entry that leaves the scan complete. */
  private synchronized void note(String message) {
    errors.add(message);
  }

  private String collection(Path dir) {
    String relative = relative(dir);
    return relative.isEmpty() ? ROOT_COLLECTION : relative;
  }

  /** The path below the root, "/" separated. */
  private String relative(Path path) {
    Path relative = root.relativize(path);
    List<String> parts = new ArrayList<>();
    relative.forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }

  private static boolean hidden(Path path) {
    return path.getFileName() != null && path.getFileName().toString().startsWith(".");
  }
}
