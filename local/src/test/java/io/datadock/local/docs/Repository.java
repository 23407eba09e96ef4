package io.datadock.local.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The repository the tests run in: its root (the parent of the module the tests run from), its
 * Markdown files and its Maven modules with the Datadock modules each depends on.
 */
final class Repository {

  private final Path root;

  Repository(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The repository a module's tests see: the module's parent directory. */
  static Repository ofModuleUnderTest() {
    return new Repository(Path.of("").toAbsolutePath().getParent());
  }

  Path root() {
    return root;
  }

  /**
   * The Markdown files git knows of (tracked, or new and not ignored), relative to the root; in a
   * copy without git, every Markdown file outside build output and hidden directories.
   */
  List<Path> markdownFiles() throws IOException {
    List<Path> fromGit = gitMarkdownFiles();
    if (fromGit != null) {
      return fromGit;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".md"))
          .map(root::relativize)
          .filter(p -> !ignored(p))
          .sorted()
          .toList();
    }
  }

  private static boolean ignored(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.equals("target") || name.equals("node_modules")) {
        return true;
      }
    }
    return false;
  }

  private List<Path> gitMarkdownFiles() {
    try {
      Process git =
          new ProcessBuilder(
                  "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "*.md")
              .directory(root.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] out;
      try (InputStream in = git.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
        return null;
      }
      Set<Path> files = new LinkedHashSet<>();
      for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
        if (!name.isEmpty() && Files.isRegularFile(root.resolve(name))) {
          files.add(Path.of(name));
        }
      }
      return files.stream().sorted().toList();
    } catch (IOException e) {
      return null; // no git here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The parent pom's modules, in order, each with the Datadock modules it depends on. */
  Map<String, Set<String>> modules() throws Exception {
    Map<String, String> moduleByArtifact = new LinkedHashMap<>();
    Map<String, Set<String>> artifactsUsed = new LinkedHashMap<>();
    for (String module : texts(pom(root.resolve("pom.xml")), "modules", "module")) {
      Document pom = pom(root.resolve(module).resolve("pom.xml"));
      moduleByArtifact.put(childText(pom.getDocumentElement(), "artifactId"), module);
      artifactsUsed.put(module, new LinkedHashSet<>(texts(pom, "dependencies", "artifactId")));
    }
    Map<String, Set<String>> direct = new LinkedHashMap<>();
    artifactsUsed.forEach(
        (module, artifacts) -> {
          Set<String> modules = new LinkedHashSet<>();
          artifacts.stream()
              .map(moduleByArtifact::get)
              .filter(m -> m != null && !m.equals(module))
              .forEach(modules::add);
          direct.put(module, modules);
        });
    Map<String, Set<String>> all = new LinkedHashMap<>();
    direct.keySet().forEach(m -> all.put(m, closure(m, direct)));
    return all;
  }

  private static Set<String> closure(String module, Map<String, Set<String>> direct) {
    Set<String> out = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(direct.get(module));
    while (!todo.isEmpty()) {
      String next = todo.remove(0);
      if (out.add(next)) {
        todo.addAll(direct.getOrDefault(next, Set.of()));
      }
    }
    return out;
  }

  private static Document pom(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  /** The text of every {@code leaf} element under the project's own {@code section}. */
  private static List<String> texts(Document pom, String section, String leaf) {
    List<String> out = new ArrayList<>();
    NodeList sections = pom.getDocumentElement().getChildNodes();
    for (int i = 0; i < sections.getLength(); i++) {
      if (sections.item(i) instanceof Element e && e.getTagName().equals(section)) {
        NodeList leaves = e.getElementsByTagName(leaf);
        for (int j = 0; j < leaves.getLength(); j++) {
          out.add(leaves.item(j).getTextContent().strip());
        }
      }
    }
    return out;
  }

  private static String childText(Element parent, String tag) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().strip();
      }
    }
    return null;
  }
}
