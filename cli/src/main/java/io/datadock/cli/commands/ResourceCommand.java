package io.datadock.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code datadock resource}: apply, get and delete resources. */
@Command(
    name = "resource",
    mixinStandardHelpOptions = true,
    description = {
      "Manage resources: secrets, instance secrets and depots.",
      "",
      "Example:",
      "  datadock resource apply -f depots/ -R",
      "  datadock resource get -t secret"
    })
public final class ResourceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
