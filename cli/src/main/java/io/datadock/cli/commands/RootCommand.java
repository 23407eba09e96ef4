package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code datadock}: the command groups. */
@Command(
    name = "datadock",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Apply, get and delete Datadock resources over the gateway's HTTP API.",
      "",
      "Example:",
      "  datadock login --gateway http://localhost:8080 --token $TOKEN",
      "  datadock apply -f snowflake-cred.yaml"
    })
public final class RootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  public RootCommand(CliContext context) {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
