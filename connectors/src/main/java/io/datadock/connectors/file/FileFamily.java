package io.datadock.connectors.file;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.connectors.scan.file.FileScanner;
import io.datadock.core.manifest.depot.SourceType;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Files on this machine ({@link SourceType#FILE}, fields {@code path} and {@code format}): {@link
 * FileCheck}, {@link FileScanner}, and the connection's {@code path} as the one destination, which
 * must lie inside the file roots. No network, no credentials.
 */
public final class FileFamily implements SourceFamily {

  @Override
  public String name() {
    return "file";
  }

  @Override
  public List<SourceSupport> serves() {
    return List.of(
        new SourceSupport(
            SourceType.FILE, new FileCheck(), new FileScanner(), FileFamily::destinations));
  }

  /** The {@code path}; none when it is missing or no path (the check reports that). */
  static List<Destination> destinations(SourceConnection connection) {
    String path = connection.string("path");
    if (path == null || path.isBlank()) {
      return List.of();
    }
    try {
      return List.of(new Destination.LocalPath(Path.of(path)));
    } catch (InvalidPathException e) {
      return List.of();
    }
  }
}
