package io.datadock.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code datadock admin}: operations on the platform itself, for admins. */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {
      "Operate the platform (admins only).",
      "",
      "Example:",
      "  datadock admin replay --service depot"
    })
public final class AdminCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
