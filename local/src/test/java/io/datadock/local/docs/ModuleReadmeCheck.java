package io.datadock.local.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a module's README still matches the module: every Java type it names in backticks ({@code
 * TopicTail}, {@code gateway.auth.Authorizer}, {@code TopicTail.sync}) and every package ({@code
 * io.datadock.runtime.kafka}, or a list item opening with {@code `kafka`:}) exists.
 *
 * <p>A type counts as existing when the module declares it (Java, nested types too, or an Avro
 * schema), when a Datadock module it builds on does, when {@code local} does (where every module's
 * end-to-end tests live), or when it is a library type the module's code imports or a JDK type. A
 * qualifier must match the declaring package's end; a member ({@code .sync}) must appear in the
 * declaring file. A list item's package ({@code - `kafka`: ...}) must be the module's own; a
 * package named in full, the module's or one it builds on.
 */
final class ModuleReadmeCheck {

  private static final Pattern TYPE =
      Pattern.compile(
          "^((?:[a-z][a-z0-9_]*\\.)*)([A-Z][a-z0-9][A-Za-z0-9_]*)(?:[.#]([A-Za-z_]\\w*))?(?:\\(.*\\))?$");
  private static final Pattern PACKAGE = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$");
  private static final Pattern DATADOCK_PACKAGE = Pattern.compile("^io\\.datadock(\\.[a-z]\\w*)+$");

  /** Where a JDK type named without its package ({@code HttpURLConnection}) is looked for. */
  private static final List<String> JDK_PACKAGES =
      List.of(
          "java.lang",
          "java.io",
          "java.net",
          "java.net.http",
          "java.nio.file",
          "java.sql",
          "java.time",
          "java.util",
          "java.util.concurrent");

  private final String module;
  private final ModuleSources own;
  private final List<ModuleSources> visible;

  /**
   * @param own what the module itself declares
   * @param visible what it may also name: its Datadock dependencies and {@code local}
   */
  ModuleReadmeCheck(String module, ModuleSources own, List<ModuleSources> visible) {
    this.module = module;
    this.own = own;
    this.visible = visible;
  }

  /** What the README names that the module does not have, as {@code module/README.md:line: why}. */
  List<String> problems(Markdown readme) {
    List<String> out = new ArrayList<>();
    for (Markdown.CodeSpan span : readme.codeSpans()) {
      String text = span.text();
      String problem = null;
      if (span.listItemLabel() && PACKAGE.matcher(text).matches()) {
        problem = own.hasPackageEndingWith(text) ? null : "is no package of " + module;
      } else if (DATADOCK_PACKAGE.matcher(text).matches()) {
        boolean exists =
            own.hasPackageEndingWith(text)
                || visible.stream().anyMatch(v -> v.hasPackageEndingWith(text));
        problem = exists ? null : "is no package of " + module + " or what it builds on";
      } else {
        Matcher type = TYPE.matcher(text);
        if (type.matches()) {
          problem = typeProblem(type.group(1), type.group(2), type.group(3));
        }
      }
      if (problem != null) {
        out.add(module + "/README.md:" + span.line() + ": `" + text + "` " + problem);
      }
    }
    return out;
  }

  private String typeProblem(String qualifier, String name, String member) {
    String pkg = qualifier.isEmpty() ? "" : qualifier.substring(0, qualifier.length() - 1);
    List<ModuleSources.Declaration> found = new ArrayList<>(declarations(own, name, pkg));
    if (found.isEmpty()) {
      visible.forEach(sources -> found.addAll(declarations(sources, name, pkg)));
    }
    if (found.isEmpty()) {
      return isLibraryType(pkg, name) ? null : "is no type of " + module + " or what it builds on";
    }
    if (member != null && found.stream().noneMatch(d -> d.hasMember(member))) {
      return "names " + member + ", which " + name + " does not have";
    }
    return null;
  }

  private static List<ModuleSources.Declaration> declarations(
      ModuleSources sources, String name, String pkg) {
    return sources.declarationsOf(name).stream()
        .filter(d -> pkg.isEmpty() || d.pkg().equals(pkg) || d.pkg().endsWith("." + pkg))
        .toList();
  }

  private boolean isLibraryType(String pkg, String name) {
    if (pkg.startsWith("io.datadock")) {
      return false;
    }
    if (!pkg.isEmpty()) {
      return loads(pkg + "." + name);
    }
    return own.imports(name) || JDK_PACKAGES.stream().anyMatch(p -> loads(p + "." + name));
  }

  private static boolean loads(String className) {
    try {
      Class.forName(className, false, ModuleReadmeCheck.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
