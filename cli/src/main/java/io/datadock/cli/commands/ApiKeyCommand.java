package io.datadock.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code datadock user apikey}. */
@Command(
    name = "apikey",
    mixinStandardHelpOptions = true,
    description = {
      "Issue, list and revoke API keys (yours, or a user's as an operator).",
      "",
      "Example:",
      "  datadock user apikey get -u ana"
    })
public final class ApiKeyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
