package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.CliException;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import io.datadock.cli.manifest.ResourceType;
import io.datadock.cli.output.Log;
import io.datadock.cli.output.ResourceDetails;
import io.datadock.cli.output.ResourceTable;
import io.datadock.cli.output.Structured;
import io.datadock.cli.watch.ExitZeroOnInterrupt;
import io.datadock.cli.watch.ResourceWatch;
import io.datadock.cli.watch.WatchPrinter;
import io.datadock.cli.watch.WatchedResources;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
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
      "  datadock get -t depot -o yaml",
      "  datadock get -t secret --watch"
    })
public final class GetCommand implements Callable<Integer> {

  /** The log line around a listing: {@code 🔍 get...}, then {@code 🔍 get...complete}. */
  static final String BANNER = "🔍 get...";

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

  // no -w: that is --workspace, as in apply, delete and dataos-ctl
  @Option(
      names = "--watch",
      description =
          "after the table, print a row for each change (ADDED, MODIFIED, DELETED) until Ctrl-C")
  boolean watch;

  @Option(names = "--max-events", hidden = true, description = "with --watch: stop after N changes")
  Integer maxEvents;

  public GetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayClient client = context.client();
    String tenant = client.profile().tenant();
    if (watch) {
      return watch(client, tenant);
    }
    if (details && name == null) {
      throw new CliException("-d needs a resource name (-n)");
    }
    boolean table = "table".equals(output);
    if (!table) {
      Structured.check(output);
    }
    Log log = context.log();
    if (table) {
      log.info(BANNER);
    }
    JsonNode answer =
        details
            ? client.get(
                "/api/v1/resources/" + Query.encode(type) + "/" + Query.encode(name),
                Query.of().add("workspace", workspace).add("tenant", tenant))
            : client
                .get(
                    "/api/v1/resources",
                    Query.of()
                        .add("type", type)
                        .add("name", name)
                        .add("tenant", tenant)
                        .add("workspace", workspace)
                        .flag("all", all))
                .path("items");
    if (!table) {
      context.out().print(Structured.format(answer, output));
      return 0;
    }
    log.info(BANNER + "complete");
    log.blank();
    List<JsonNode> items = new ArrayList<>();
    if (details) {
      items.add(answer);
    } else {
      answer.forEach(items::add);
    }
    context.out().print(ResourceTable.of(items).render());
    if (details) {
      context.out().print(ResourceDetails.details(answer));
    }
    return 0;
  }

  private int watch(GatewayClient client, String tenant) {
    if (details || !"table".equals(output)) {
      throw new CliException("--watch prints a table: it does not go with -d or -o");
    }
    String owner = all ? null : Users.resolve(client, null);
    Predicate<JsonNode> shown =
        r ->
            (name == null || name.equals(ResourceDetails.text(r, "name")))
                && (workspace == null || workspace.equals(ResourceDetails.text(r, "workspace")))
                && (owner == null || owner.equals(ResourceDetails.text(r, "owner")));
    WatchPrinter printer =
        new WatchPrinter(context.out(), new WatchedResources(shown), ResourceType.SECRET.is(type));
    ResourceWatch resources =
        new ResourceWatch(client, Query.of().add("type", type).add("tenant", tenant));
    try (ExitZeroOnInterrupt interrupt = new ExitZeroOnInterrupt(context.out())) {
      resources.run(printer, () -> maxEvents != null && printer.changes() >= maxEvents);
    }
    return 0;
  }
}
