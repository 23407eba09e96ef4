package io.datadock.connectors.file;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.FileRoots;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local directory inside the allowed {@link FileRoots} (its real path, links resolved): it exists
 * and is a directory, this process can read it, and its files (of the {@code format}'s extensions,
 * when given; see {@link FileFormats}) and sub-folders are counted; a link leading out of the roots
 * is not counted. No credentials.
 */
public final class FileCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(FileCheck.class);

  @Override
  public CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    CheckReport report;
    try {
      // A stalled network mount must not hold the caller past the timeout.
      report =
          deadline.call(
              () ->
                  run(
                      connection,
                      egress.files(),
                      new CheckRun(credentials, REACH, AUTHENTICATE, LIST)),
              late -> {});
    } catch (Exception e) {
      report =
          new CheckRun(credentials, REACH, AUTHENTICATE, LIST)
              .fail(REACH, "no answer from the file system within " + deadline.describe());
    }
    LOG.info(
        "connection check type=file path={} passed={} failedStep={}",
        connection.string("path"),
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private CheckReport run(SourceConnection connection, FileRoots roots, CheckRun run) {
    String pathField = connection.string("path");
    if (pathField == null || pathField.isBlank()) {
      return run.fail(REACH, "the connection has no 'path'");
    }
    Path dir;
    try {
      dir = Path.of(pathField);
    } catch (InvalidPathException e) {
      return run.fail(REACH, "path " + pathField + " is not a valid path");
    }
    Optional<String> outside = roots.problem(dir);
    if (outside.isPresent()) {
      return run.fail(REACH, outside.get());
    }
    if (!Files.exists(dir)) {
      return run.fail(REACH, "path " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      return run.fail(REACH, "path " + dir + " is not a directory");
    }
    run.pass(REACH, "path " + dir + " is a directory");

    if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
      return run.fail(AUTHENTICATE, "path " + dir + " is not readable by this process");
    }
    run.pass(AUTHENTICATE, "no credentials needed; " + dir + " is readable");

    String format = connection.string("format");
    Optional<String> known = FileFormats.named(format);
    if (format != null && known.isEmpty()) {
      return run.fail(LIST, "unknown format '" + format + "' (" + FileFormats.KNOWN + ")");
    }
    int files = 0;
    int folders = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (Files.isSymbolicLink(entry) && !roots.leadsInside(entry)) {
          continue; // not followed: it leads out of the roots (or nowhere)
        }
        if (Files.isDirectory(entry)) {
          folders++;
        } else if (known.isEmpty()
            || known.equals(FileFormats.of(entry.getFileName().toString()))) {
          files++;
        }
      }
    } catch (AccessDeniedException e) {
      return run.fail(LIST, "cannot list " + dir + ": permission denied");
    } catch (IOException e) {
      return run.fail(LIST, "cannot list " + dir + ": " + e.getClass().getSimpleName());
    }
    String kind = known.map(k -> k + " ").orElse("");
    return run.pass(
            LIST,
            files
                + " "
                + kind
                + (files == 1 ? "file" : "files")
                + " and "
                + folders
                + (folders == 1 ? " folder" : " folders"))
        .report();
  }
}
