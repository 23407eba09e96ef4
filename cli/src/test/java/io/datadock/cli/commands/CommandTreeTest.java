package io.datadock.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.cli.CliContext;
import io.datadock.cli.Main;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandTreeTest {

  @TempDir Path dir;

  private CommandLine tree(String... args) {
    CliContext context =
        new CliContext(
            dir.resolve("c.yaml"),
            Map.of(),
            new PrintWriter(Writer.nullWriter()),
            new PrintWriter(Writer.nullWriter()));
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            try {
              return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
              return CommandLine.defaultFactory().create(cls);
            }
          }
        };
    return CommandTree.forArgs(factory, args);
  }

  @Test
  void aCommandLineBuildsOnlyThePathItTakes() {
    assertThat(tree("get", "-t", "secret").getSubcommands()).containsOnlyKeys("get");
    CommandLine user = tree("user", "tag", "add", "-i", "a", "-t", "b");
    assertThat(user.getSubcommands()).containsOnlyKeys("user");
    assertThat(user.getSubcommands().get("user").getSubcommands()).containsOnlyKeys("tag");
    assertThat(user.getSubcommands().get("user").getSubcommands().get("tag").getSubcommands())
        .containsOnlyKeys("add");
  }

  @Test
  void usageHelpCompletionAndMistakesSeeTheWholeTree() {
    assertThat(tree().getSubcommands())
        .containsKeys("login", "resource", "apply", "get", "delete", "user", "tenant", "version");
    assertThat(tree("completion").getSubcommands()).hasSize(tree("--help").getSubcommands().size());
    assertThat(tree("user", "--help").getSubcommands().get("user").getSubcommands())
        .containsOnlyKeys("get", "create", "tag", "apikey");
    assertThat(tree("gte").getSubcommands()).containsKey("get");
  }

  @Test
  void theHelpAndCompletionStillListEveryCommand() {
    Main.Result help = Main.capture(dir.resolve("c.yaml"), Map.of(), "--help");
    assertThat(help.out()).contains("resource").contains("tenant").contains("completion");
    Main.Result userHelp = Main.capture(dir.resolve("c.yaml"), Map.of(), "user", "tag");
    assertThat(userHelp.out()).contains("add").contains("delete");
    Main.Result completion = Main.capture(dir.resolve("c.yaml"), Map.of(), "completion");
    assertThat(completion.out()).contains("apikey").contains("tenant").contains("replay");
    Main.Result typo = Main.capture(dir.resolve("c.yaml"), Map.of(), "gte", "-t", "secret");
    assertThat(typo.exitCode()).isNotZero();
    assertThat(typo.err()).contains("Unmatched argument").contains("Did you mean");
  }
}
