package io.datadock.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code datadock user tag}: give or take a user's tags (operators). */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Add tags to a user or delete them (operators); the user's next request has the change.",
      "",
      "Example:",
      "  datadock user tag add -i johndoetmdcio -t roles:id:data-dev",
      "  datadock user tag delete -i johndoetmdcio -t roles:id:data-dev"
    })
public final class UserTagCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
