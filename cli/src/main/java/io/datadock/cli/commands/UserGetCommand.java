package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import io.datadock.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock user get}. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Show the caller, or every user with -a (operators).",
      "",
      "Example:",
      "  datadock user get",
      "  datadock user get -a"
    })
public final class UserGetCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-a", "--all"},
      description = "every user")
  boolean all;

  public UserGetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayClient client = context.client();
    Table table = new Table("NAME", "ID", "TYPE", "EMAIL", "TAGS");
    if (all) {
      client.get("/api/v1/users", Query.of()).path("items").forEach(u -> row(table, u));
    } else {
      row(table, client.get("/api/v1/users/me", Query.of()));
    }
    context.out().print(table.render());
    return 0;
  }

  private static void row(Table table, JsonNode user) {
    List<String> tags = new ArrayList<>();
    user.path("tags").forEach(t -> tags.add(t.asText()));
    table.row(
        user.path("name").asText(""),
        user.path("id").asText(""),
        user.path("type").asText(""),
        user.hasNonNull("email") ? user.get("email").asText() : "",
        String.join(", ", tags));
  }
}
