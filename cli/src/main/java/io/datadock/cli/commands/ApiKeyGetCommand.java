package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import io.datadock.cli.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock user apikey get}. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {"List API keys.", "", "Example:", "  datadock user apikey get"})
public final class ApiKeyGetCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-u", "--user"},
      description = "user id (default: you)")
  String user;

  public ApiKeyGetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayClient client = context.client();
    String id = Users.resolve(client, user);
    Table table = new Table("KEY ID", "CREATED", "EXPIRES", "REVOKED");
    client
        .get(Users.apiKeysPath(id), Query.of())
        .path("items")
        .forEach(
            k ->
                table.row(
                    k.path("keyId").asText(""),
                    k.hasNonNull("createdAt") ? k.get("createdAt").asText() : "",
                    k.hasNonNull("expiresAt") ? k.get("expiresAt").asText() : "never",
                    k.path("revoked").asText("")));
    context.out().print(table.render());
    return 0;
  }
}
