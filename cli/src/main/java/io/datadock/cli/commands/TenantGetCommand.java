package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import io.datadock.cli.http.Query;
import io.datadock.cli.output.Log;
import io.datadock.cli.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code datadock tenant get}: the caller's tenants ({@code GET /api/v1/tenants}). */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "List the tenants you are a member of.",
      "",
      "Example:",
      "  datadock tenant get"
    })
public final class TenantGetCommand implements Callable<Integer> {

  private final CliContext context;

  public TenantGetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Log log = context.log();
    log.info("🔍 tenant get...");
    Table table = new Table("NAME");
    context
        .client()
        .get("/api/v1/tenants", Query.of())
        .path("items")
        .forEach(t -> table.row(t.path("name").asText()));
    log.info("🔍 tenant get...complete");
    log.blank();
    context.out().print(table.render());
    return 0;
  }
}
