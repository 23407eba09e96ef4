package io.datadock.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code datadock dataset}: the catalog. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = {
      "Browse the catalog of active depots' datasets.",
      "",
      "Example:",
      "  datadock dataset get --depot pgdepot"
    })
public final class DatasetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
