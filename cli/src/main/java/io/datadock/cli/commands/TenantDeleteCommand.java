package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import io.datadock.cli.http.Query;
import io.datadock.cli.output.Log;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock tenant delete}: {@code DELETE /api/v1/tenants/{name}} (operators). */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete a tenant that holds no resources (operators).",
      "",
      "Example:",
      "  datadock tenant delete -n engineering"
    })
public final class TenantDeleteCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-n", "--name"},
      required = true,
      description = "tenant name")
  String name;

  public TenantDeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Log log = context.log();
    log.info("🏢 tenant delete...");
    context.client().delete("/api/v1/tenants/" + Query.encode(name), Query.of());
    log.info("🏢 deleting " + name + "...deleted");
    log.info("🏢 tenant delete...complete");
    return 0;
  }
}
