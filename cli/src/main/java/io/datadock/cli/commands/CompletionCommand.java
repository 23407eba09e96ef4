package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code datadock completion}: a bash completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bash completion script.",
      "",
      "Example:",
      "  source <(datadock completion)"
    })
public final class CompletionCommand implements Callable<Integer> {

  private final CliContext context;
  @Spec CommandSpec spec;

  public CompletionCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.out().print(AutoComplete.bash("datadock", spec.root().commandLine()));
    return 0;
  }
}
