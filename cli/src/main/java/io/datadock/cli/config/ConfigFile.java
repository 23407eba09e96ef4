package io.datadock.cli.config;

import io.datadock.cli.CliException;
import io.datadock.cli.output.Structured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The CLI's config file, {@code ~/.datadock/config.yaml}: {@code current: <name>} and {@code
 * profiles: {<name>: {gateway, token, tenant}}}, the format the embedded platform writes. A file
 * holding only top-level {@code gateway}/{@code token} is read as one profile named {@code
 * default}.
 */
public record ConfigFile(String currentName, Map<String, Profile> profiles) {

  public static ConfigFile load(Path path) {
    if (!Files.exists(path)) {
      return new ConfigFile(null, new LinkedHashMap<>());
    }
    Object root;
    try {
      root = new Yaml().load(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new CliException("cannot read the config " + path + ": " + e.getMessage(), e);
    }
    Map<String, Profile> profiles = new LinkedHashMap<>();
    if (!(root instanceof Map<?, ?> map)) {
      return new ConfigFile(null, profiles);
    }
    if (map.get("profiles") instanceof Map<?, ?> named) {
      named.forEach(
          (name, value) -> {
            if (value instanceof Map<?, ?> m) {
              profiles.put(name.toString(), Profile.fromMap(m));
            }
          });
    }
    String current = map.get("current") == null ? null : map.get("current").toString();
    if (profiles.isEmpty() && map.containsKey("gateway")) {
      profiles.put("default", Profile.fromMap(map));
      current = "default";
    }
    return new ConfigFile(current, profiles);
  }

  /** The current profile, or an empty one (the environment may still complete it). */
  public Profile current() {
    Profile p = currentName == null ? null : profiles.get(currentName);
    return p == null ? new Profile(null, null, null) : p;
  }

  public ConfigFile with(String name, Profile profile) {
    Map<String, Profile> copy = new LinkedHashMap<>(profiles);
    copy.put(name, profile);
    return new ConfigFile(name, copy);
  }

  /** Writes the file readable by its owner only (0600). */
  public void save(Path path) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("current", currentName);
    Map<String, Object> named = new LinkedHashMap<>();
    profiles.forEach((name, p) -> named.put(name, p.toMap()));
    root.put("profiles", named);
    String yaml = Structured.yaml().dump(root);
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (posix && !Files.exists(path)) {
        Files.createFile(
            path,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      if (posix) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(path, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("cannot write the config " + path + ": " + e.getMessage(), e);
    }
  }
}
