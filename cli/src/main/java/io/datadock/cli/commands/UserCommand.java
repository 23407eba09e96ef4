package io.datadock.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code datadock user}: users and their API keys. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = {
      "Show and create users, add and delete their tags, manage API keys.",
      "",
      "Example:",
      "  datadock user get",
      "  datadock user tag add -i johndoetmdcio -t roles:id:data-dev",
      "  datadock user apikey create --expires-in 2592000"
    })
public final class UserCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
