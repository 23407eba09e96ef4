package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import io.datadock.cli.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code datadock version}. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = {"Print the CLI's version.", "", "Example:", "  datadock version"})
public final class VersionCommand implements Callable<Integer> {

  private final CliContext context;

  public VersionCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.out().println("datadock " + Version.get());
    return 0;
  }

  /** For {@code datadock --version}. */
  public static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"datadock " + Version.get()};
    }
  }
}
