package io.datadock.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The repository's documentation, checked on every build: relative links lead somewhere, every
 * module has a README, and every README still names what its module has. Reads files only.
 */
class DocumentationTest {

  private final Repository repository = Repository.ofModuleUnderTest();
  private final Map<String, ModuleSources> sources = new HashMap<>();

  @Test
  void everyRelativeLinkOfEveryMarkdownFileResolves() throws Exception {
    List<Path> files = repository.markdownFiles();
    assertThat(files).contains(Path.of("README.md"), Path.of("docs", "architecture.md"));

    assertThat(new LinkCheck(repository.root()).broken(files)).isEmpty();
  }

  @Test
  void everyModuleHasAReadme() throws Exception {
    Set<String> modules = repository.modules().keySet();
    assertThat(modules).contains("schemas", "core", "local");

    assertThat(modules)
        .filteredOn(m -> !Files.isRegularFile(repository.root().resolve(m).resolve("README.md")))
        .isEmpty();
  }

  @Test
  void everyModuleReadmeNamesTypesAndPackagesItsModuleHas() throws Exception {
    Map<String, Set<String>> modules = repository.modules();
    List<String> problems = new ArrayList<>();
    for (var module : modules.entrySet()) {
      Path readme = repository.root().resolve(module.getKey()).resolve("README.md");
      if (!Files.isRegularFile(readme)) {
        continue; // everyModuleHasAReadme says so
      }
      List<ModuleSources> visible = new ArrayList<>();
      for (String other : module.getValue()) {
        visible.add(sources(other));
      }
      visible.add(sources("local"));
      ModuleReadmeCheck check =
          new ModuleReadmeCheck(module.getKey(), sources(module.getKey()), visible);
      problems.addAll(check.problems(new Markdown(Files.readString(readme))));
    }

    assertThat(problems).isEmpty();
  }

  private ModuleSources sources(String module) throws IOException {
    ModuleSources read = sources.get(module);
    if (read == null) {
      read = ModuleSources.read(repository.root().resolve(module));
      sources.put(module, read);
    }
    return read;
  }
}
