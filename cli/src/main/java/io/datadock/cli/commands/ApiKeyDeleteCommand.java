package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock user apikey delete}: revokes a key at once. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {"Revoke an API key.", "", "Example:", "  datadock user apikey delete -k k-123"})
public final class ApiKeyDeleteCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-k", "--key"},
      required = true,
      description = "key id")
  String keyId;

  @Option(
      names = {"-u", "--user"},
      description = "user id (default: you)")
  String user;

  public ApiKeyDeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayClient client = context.client();
    String id = Users.resolve(client, user);
    client.delete(Users.apiKeysPath(id) + "/" + Query.encode(keyId), Query.of());
    context.log().info("🗑 api key " + keyId + " of " + id + " revoked");
    return 0;
  }
}
