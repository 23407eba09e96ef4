package io.datadock.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link check on a small repository of its own. */
class LinkCheckTest {

  @TempDir Path parent;
  private Path root;

  @BeforeEach
  void repository() throws Exception {
    root = Files.createDirectories(parent.resolve("repo"));
    Files.createDirectories(root.resolve("docs/operations"));
    Files.writeString(root.resolve("docs/api.md"), "# API\n## Errors\n");
    Files.writeString(root.resolve("docs/operations/README.md"), "# Operations\n");
    Files.writeString(parent.resolve("outside.md"), "# Outside\n");
  }

  private List<String> broken(String readme) throws Exception {
    Files.writeString(root.resolve("README.md"), readme);
    return new LinkCheck(root).broken(List.of(Path.of("README.md")));
  }

  @Test
  void linksToFilesDirectoriesAndHeadingsThatExistPass() throws Exception {
    assertThat(
            broken(
                "# Top\n[a](docs/api.md) [b](docs/api.md#errors) [c](docs/operations/)\n"
                    + "[d](#top) [e](https://example.com/x.md#nope) [f](mailto:a@b.c)\n"
                    + "[g](/docs/api.md#api) [i](docs/operations/README.md#operations)\n"))
        .isEmpty();
  }

  @Test
  void aMissingFileIsBroken() throws Exception {
    assertThat(broken("[a](docs/apu.md)\n"))
        .containsExactly("README.md:1: docs/apu.md names no file");
  }

  @Test
  void aMissingHeadingIsBroken() throws Exception {
    assertThat(broken("\n[a](docs/api.md#warnings) [b](#nowhere)\n"))
        .containsExactly(
            "README.md:2: docs/api.md#warnings names no heading of docs/api.md",
            "README.md:2: #nowhere names no heading of README.md");
  }

  @Test
  void aLinkOutOfTheRepositoryIsBrokenEvenWhenTheFileIsThere() throws Exception {
    assertThat(broken("[arch](../outside.md)\n"))
        .containsExactly("README.md:1: ../outside.md points outside the repository");
  }
}
