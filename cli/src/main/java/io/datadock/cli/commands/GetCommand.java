package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.CliException;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import io.datadock.cli.output.ResourceDetails;
import io.datadock.cli.output.Structured;
import io.datadock.cli.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock resource get} (also {@code datadock get}). */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "List resources of a type, or show one with its details.",
      "",
      "Example:",
      "  datadock get -t secret",
      "  datadock resource get -t depot -n pgdepot -a -d",
      "  datadock get -t depot -o yaml"
    })
public final class GetCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-t", "--type"},
      required = true,
      description = "secret, instance-secret or depot")
  String type;

  @Option(
      names = {"-n", "--name"},
      description = "resource name")
  String name;

  @Option(
      names = {"-a", "--all"},
      description = "everyone's resources, not only the caller's")
  boolean all;

  @Option(
      names = {"-w", "--workspace"},
      description = "workspace")
  String workspace;

  @Option(
      names = {"-d", "--details"},
      description = "with -n: show the resource's details")
  boolean details;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, json or yaml")
  String output;

  public GetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayClient client = context.client();
    String tenant = client.profile().tenant();
    if (details) {
      if (name == null) {
        throw new CliException("-d needs a resource name (-n)");
      }
      JsonNode resource =
          client.get(
              "/api/v1/resources/" + Query.encode(type) + "/" + Query.encode(name),
              Query.of().add("workspace", workspace).add("tenant", tenant));
      print(resource, true);
      return 0;
    }
    JsonNode items =
        client
            .get(
                "/api/v1/resources",
                Query.of()
                    .add("type", type)
                    .add("name", name)
                    .add("tenant", tenant)
                    .add("workspace", workspace)
                    .flag("all", all))
            .path("items");
    print(items, false);
    return 0;
  }

  private void print(JsonNode node, boolean single) {
    if (!"table".equals(output)) {
      context.out().print(Structured.format(node, output));
      return;
    }
    Table table = ResourceDetails.summaryTable();
    if (single) {
      ResourceDetails.addRow(table, node);
    } else {
      node.forEach(item -> ResourceDetails.addRow(table, item));
    }
    context.out().print(table.render());
    if (single) {
      context.out().print(ResourceDetails.details(node));
    }
  }
}
