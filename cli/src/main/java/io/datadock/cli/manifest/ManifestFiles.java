package io.datadock.cli.manifest;

import io.datadock.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads manifests: a file, or a directory's {@code .yaml}/{@code .yml} files (recursively with
 * {@code -R}), each split into its {@code ---}-separated documents after interpolation.
 */
public final class ManifestFiles {

  private ManifestFiles() {}

  /** The manifest files a path names, sorted. */
  public static List<Path> list(Path path, boolean recursive) {
    if (!Files.exists(path)) {
      throw new CliException("no such file or directory: " + path);
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = recursive ? Files.walk(path) : Files.list(path)) {
      return files.filter(Files::isRegularFile).filter(ManifestFiles::isYaml).sorted().toList();
    } catch (IOException e) {
      throw new CliException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Every document of the files a path names; {@code interpolator} may be null. */
  public static List<ManifestDocument> read(
      Path path, boolean recursive, Interpolator interpolator) {
    List<ManifestDocument> docs = new ArrayList<>();
    for (Path file : list(path, recursive)) {
      docs.addAll(parse(file, text(file, interpolator)));
    }
    return docs;
  }

  static String text(Path file, Interpolator interpolator) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return interpolator == null ? text : interpolator.interpolate(text, file.toString());
  }

  /**
   * Splits YAML text into its documents, skipping empty ones; a secret's data is read as written
   * ({@link DataScalars}).
   */
  public static List<ManifestDocument> parse(Path source, String text) {
    List<ManifestDocument> docs = new ArrayList<>();
    Yaml yaml = new Yaml(DataScalars.constructor(new LoaderOptions()));
    int index = 0;
    try {
      for (Object doc : yaml.loadAll(text)) {
        index++;
        if (doc == null) {
          continue;
        }
        if (!(doc instanceof Map<?, ?> map)) {
          throw new CliException(
              "document " + index + " of " + source + " is not a mapping (a manifest)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) map;
        docs.add(new ManifestDocument(source, index, body));
      }
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new CliException("invalid YAML in " + source + ": " + e.getMessage(), e);
    }
    return docs;
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString().toLowerCase();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
