package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.http.GatewayClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock user apikey create}: the token is printed once. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Issue an API key; its token is shown only this once.",
      "",
      "Example:",
      "  datadock user apikey create -u ana --expires-in 2592000"
    })
public final class ApiKeyCreateCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-u", "--user"},
      description = "user id (default: you)")
  String user;

  @Option(names = "--expires-in", description = "lifetime in seconds")
  Long expiresIn;

  public ApiKeyCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayClient client = context.client();
    String id = Users.resolve(client, user);
    Map<String, Object> body = new LinkedHashMap<>();
    if (expiresIn != null) {
      body.put("expiresInSeconds", expiresIn);
    }
    JsonNode key = client.postJson(Users.apiKeysPath(id), body);
    String expires = key.hasNonNull("expiresAt") ? key.get("expiresAt").asText() : "never";
    context
        .log()
        .info(
            "🔑 api key "
                + key.path("keyId").asText()
                + " created for "
                + id
                + " (expires "
                + expires
                + "); the token is shown only once:");
    context.out().println(key.path("token").asText());
    return 0;
  }
}
