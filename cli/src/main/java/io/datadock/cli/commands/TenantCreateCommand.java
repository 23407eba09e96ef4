package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import io.datadock.cli.output.Log;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock tenant create}: {@code POST /api/v1/tenants} (operators). */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a tenant (operators).",
      "",
      "Example:",
      "  datadock tenant create -n engineering"
    })
public final class TenantCreateCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-n", "--name"},
      required = true,
      description = "tenant name")
  String name;

  public TenantCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Log log = context.log();
    log.info("🏢 tenant create...");
    context.client().postJson("/api/v1/tenants", Map.of("name", name));
    log.info("🏢 creating " + name + "...created");
    log.info("🏢 tenant create...complete");
    return 0;
  }
}
