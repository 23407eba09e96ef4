package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import io.datadock.cli.CliException;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock resource delete} (also {@code datadock delete}). */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete a resource, named by type and name or by its NAME:VERSION:TYPE identifier.",
      "",
      "Example:",
      "  datadock delete -t secret -n snowflake-cred",
      "  datadock resource delete -i snowflake-cred:v2alpha:secret --force"
    })
public final class DeleteCommand implements Callable<Integer> {

  private final CliContext context;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @ArgGroup(exclusive = false)
    ByName byName;

    @Option(
        names = {"-i", "--identifier"},
        description = "NAME:VERSION:TYPE")
    String identifier;
  }

  static final class ByName {
    @Option(
        names = {"-t", "--type"},
        required = true,
        description = "secret, instance-secret or depot")
    String type;

    @Option(
        names = {"-n", "--name"},
        required = true,
        description = "resource name")
    String name;
  }

  @Option(
      names = {"-w", "--workspace"},
      description = "workspace")
  String workspace;

  @Option(names = "--force", description = "delete a secret even while depots use it")
  boolean force;

  public DeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String type;
    String name;
    if (target.identifier != null) {
      String[] parts = target.identifier.split(":");
      if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
        throw new CliException("invalid identifier '" + target.identifier + "': NAME:VERSION:TYPE");
      }
      name = parts[0];
      type = parts[2];
    } else {
      type = target.byName.type;
      name = target.byName.name;
    }
    context.log().info("🗑 delete...");
    GatewayClient client = context.client();
    String outcome =
        client
            .delete(
                "/api/v1/resources/" + Query.encode(type) + "/" + Query.encode(name),
                Query.of()
                    .add("workspace", workspace)
                    .add("tenant", client.profile().tenant())
                    .flag("force", force))
            .path("outcome")
            .asText("deleted");
    context.log().info("🗑 deleting " + name + ":" + type + "..." + outcome);
    context.log().info("🗑 delete...complete");
    return 0;
  }
}
