package io.datadock.cli.commands;

import io.datadock.cli.CliContext;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import io.datadock.cli.output.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock user tag add}: {@code PUT /api/v1/users/{id}/tags/{tag}}, tag by tag. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Give a user tags (operators); a tag the user holds already is left as it is.",
      "",
      "Example:",
      "  datadock user tag add -i johndoetmdcio -t roles:id:data-dev"
    })
public final class UserTagAddCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-i", "--id"},
      required = true,
      description = "user id")
  String id;

  @Option(
      names = {"-t", "--tag"},
      required = true,
      description = "a tag such as roles:id:data-dev (repeatable)")
  List<String> tags;

  public UserTagAddCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayClient client = context.client();
    Log log = context.log();
    log.info("🏷 user tag add...");
    List<String> added = new ArrayList<>();
    for (String tag : tags) {
      client.put(Users.tagPath(id, tag), Query.of());
      added.add(tag);
    }
    log.info("new tags: " + String.join(", ", added));
    log.info("🏷 user tag add...complete");
    return 0;
  }
}
