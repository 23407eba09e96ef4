package io.datadock.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code datadock tenant}: create, list and delete tenants. */
@Command(
    name = "tenant",
    mixinStandardHelpOptions = true,
    description = {
      "Create, list and delete tenants (creating and deleting: operators).",
      "",
      "Example:",
      "  datadock tenant create -n engineering",
      "  datadock tenant get"
    })
public final class TenantCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
