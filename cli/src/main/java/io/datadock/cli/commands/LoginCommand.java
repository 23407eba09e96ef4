package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.config.ConfigFile;
import io.datadock.cli.config.Profile;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock login}: checks a token and stores it in a profile. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Check a token against the gateway and save it as the current profile (file mode 0600).",
      "",
      "Example:",
      "  datadock login --gateway http://localhost:8080 --token $TOKEN --tenant default"
    })
public final class LoginCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(names = "--gateway", required = true, description = "gateway URL")
  String gateway;

  @Option(names = "--token", required = true, description = "API key or admin token")
  String token;

  @Option(names = "--tenant", description = "tenant to work in")
  String tenant;

  @Option(names = "--profile", defaultValue = "default", description = "profile name")
  String profileName;

  public LoginCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Profile profile = new Profile(gateway, token, tenant);
    JsonNode me = new GatewayClient(profile).get("/api/v1/users/me", Query.of());
    ConfigFile.load(context.configPath()).with(profileName, profile).save(context.configPath());
    context.log().info("🔑 logged in as " + me.path("id").asText());
    return 0;
  }
}
