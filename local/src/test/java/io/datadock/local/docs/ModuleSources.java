package io.datadock.local.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one module's sources declare and use, read from the text of its files: every Java type
 * (nested ones too) and Avro named type with its package and file, its packages, and the types its
 * Java files import.
 */
final class ModuleSources {

  /** A type named {@code name} in package {@code pkg}, declared in {@code file}. */
  record Declaration(String name, String pkg, Path file) {

    boolean hasMember(String member) {
      try {
        return Pattern.compile("\\b" + Pattern.quote(member) + "\\b")
            .matcher(Files.readString(file))
            .find();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");
  private static final Pattern TYPE =
      Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z]\\w*)");
  private static final Pattern AVRO_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([A-Z]\\w*)\"");
  private static final Pattern AVRO_NAMESPACE =
      Pattern.compile("\"namespace\"\\s*:\\s*\"([\\w.]+)\"");

  private final Map<String, List<Declaration>> declarations = new HashMap<>();
  private final Set<String> packages = new HashSet<>();
  private final Set<String> imports = new HashSet<>();

  private ModuleSources() {}

  static ModuleSources read(Path module) throws IOException {
    ModuleSources sources = new ModuleSources();
    Path src = module.resolve("src");
    if (!Files.isDirectory(src)) {
      return sources;
    }
    try (Stream<Path> files = Files.walk(src)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".java")) {
          sources.readJava(file);
        } else if (name.endsWith(".avsc")) {
          sources.readAvro(file);
        }
      }
    }
    return sources;
  }

  private void readJava(Path file) throws IOException {
    String text = Files.readString(file);
    Matcher pkg = PACKAGE.matcher(text);
    String packageName = pkg.find() ? pkg.group(1) : "";
    packages.add(packageName);
    Matcher imported = IMPORT.matcher(text);
    while (imported.find()) {
      imports.add(imported.group(1));
    }
    Matcher type = TYPE.matcher(text);
    while (type.find()) {
      declare(new Declaration(type.group(1), packageName, file));
    }
  }

  private void readAvro(Path file) throws IOException {
    String text = Files.readString(file);
    Matcher namespace = AVRO_NAMESPACE.matcher(text);
    String packageName = namespace.find() ? namespace.group(1) : "";
    Matcher name = AVRO_NAME.matcher(text);
    while (name.find()) {
      declare(new Declaration(name.group(1), packageName, file));
    }
  }

  private void declare(Declaration declaration) {
    declarations.computeIfAbsent(declaration.name(), n -> new ArrayList<>()).add(declaration);
  }

  /** The declarations of a simple type name, none when the module has no such type. */
  List<Declaration> declarationsOf(String name) {
    return declarations.getOrDefault(name, List.of());
  }

  /** Whether a package with this name, or ending with {@code .name}, has a Java file here. */
  boolean hasPackageEndingWith(String name) {
    return packages.stream().anyMatch(p -> p.equals(name) || p.endsWith("." + name));
  }

  /** Whether a Java file here imports a type with this simple name. */
  boolean imports(String simpleName) {
    return imports.stream().anyMatch(i -> i.endsWith("." + simpleName));
  }
}
