package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.CliException;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import io.datadock.cli.output.Table;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datadock dataset get}: a depot's tree, or one dataset's columns. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Show a depot's collections and datasets, or one dataset's columns by its UDL.",
      "",
      "Example:",
      "  datadock dataset get --depot pgdepot",
      "  datadock dataset get dataos://pgdepot/public/orders"
    })
public final class DatasetGetCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(names = "--depot", description = "depot name")
  String depot;

  @Parameters(arity = "0..1", paramLabel = "UDL", description = "dataos://depot/collection/name")
  String udl;

  public DatasetGetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if ((depot == null) == (udl == null)) {
      throw new CliException("give either --depot NAME or a UDL");
    }
    GatewayClient client = context.client();
    String tenant = client.profile().tenant();
    PrintWriter out = context.out();
    if (depot != null) {
      JsonNode tree =
          client.get("/api/v1/datasets", Query.of().add("depot", depot).add("tenant", tenant));
      out.println(tree.path("depot").asText(depot) + " (" + tree.path("status").asText() + ")");
      for (JsonNode collection : tree.path("collections")) {
        out.println("  " + collection.path("name").asText());
        for (JsonNode dataset : collection.path("datasets")) {
          out.println(
              "    "
                  + dataset.path("name").asText()
                  + "  "
                  + dataset.path("kind").asText()
                  + "  "
                  + dataset.path("udl").asText());
        }
      }
      return 0;
    }
    JsonNode dataset =
        client.get("/api/v1/datasets/" + Query.encode(udl), Query.of().add("tenant", tenant));
    out.println(dataset.path("udl").asText(udl) + " (" + dataset.path("kind").asText() + ")");
    Table table = new Table("NAME", "TYPE", "NULLABLE");
    dataset
        .path("columns")
        .forEach(
            c ->
                table.row(
                    c.path("name").asText(), c.path("type").asText(), c.path("nullable").asText()));
    out.print(table.render());
    return 0;
  }
}
