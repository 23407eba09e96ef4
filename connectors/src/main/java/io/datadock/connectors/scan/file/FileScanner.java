package io.datadock.connectors.scan.file;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.FileRoots;
import io.datadock.connectors.file.FileFormats;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local directory ({@code path}): every CSV, JSON and Parquet file below it (only the {@code
 * format}'s, when given) is a {@link io.datadock.connectors.scan.DatasetKind#FILE} dataset named by
 * its file name, in the collection of its folder ({@link DirectoryWalk}). Columns come from a CSV
 * header ({@link CsvHeader}), the first objects of a JSON file ({@link JsonKeys}) or a Parquet
 * footer ({@link ParquetFooter}). A file that cannot be read is left out with an error. The path
 * must be inside the allowed {@link FileRoots}, and links inside the tree that lead out of them are
 * not followed. The walk runs on a worker so a stalled mount cannot hold the caller past the
 * timeout.
 */
public final class FileScanner implements MetadataScanner {

  private static final Logger LOG = LoggerFactory.getLogger(FileScanner.class);

  @Override
  public ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    long started = System.nanoTime();
    ScanResult result =
        run(connection, filter == null ? ScanFilter.all() : filter, egress.files(), deadline);
    LOG.info(
        "metadata scan type=file path={} datasets={} complete={} errors={} millis={}",
        connection.string("path"),
        result.datasets().size(),
        result.complete(),
        result.errors().size(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  private static ScanResult run(
      SourceConnection connection, ScanFilter filter, FileRoots roots, Deadline deadline) {
    String pathField = connection.string("path");
    if (pathField == null || pathField.isBlank()) {
      return ScanResult.failure("the connection has no 'path'");
    }
    String format = connection.string("format");
    Optional<String> onlyFormat = FileFormats.named(format);
    if (format != null && onlyFormat.isEmpty()) {
      return ScanResult.failure("unknown format '" + format + "' (" + FileFormats.KNOWN + ")");
    }
    Path root;
    try {
      root = Path.of(pathField);
    } catch (InvalidPathException e) {
      return ScanResult.failure("path " + pathField + " is not a valid path");
    }
    DirectoryWalk walk = new DirectoryWalk(root, onlyFormat, filter, roots, deadline);
    try {
      Optional<String> problem =
          deadline.call(
              () -> {
                Optional<String> outside = roots.problem(root);
                if (outside.isPresent()) {
                  return outside;
                }
                if (!Files.exists(root)) {
                  return Optional.of("path " + root + " does not exist");
                }
                if (!Files.isDirectory(root)) {
                  return Optional.of("path " + root + " is not a directory");
                }
                walk.run();
                return Optional.<String>empty();
              },
              late -> {});
      if (problem.isPresent()) {
        return ScanResult.failure(problem.get());
      }
    } catch (TimeoutException e) {
      walk.stop("no answer from the file system within " + deadline.describe());
    } catch (Exception e) {
      walk.stop("cannot read " + root + ": " + e.getClass().getSimpleName());
    }
    return walk.result();
  }
}
