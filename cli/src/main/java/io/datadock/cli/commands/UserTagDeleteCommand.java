package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import io.datadock.cli.output.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock user tag delete}: {@code DELETE /api/v1/users/{id}/tags/{tag}}, tag by tag. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Take tags from a user (operators). The depots the user applied are asked again whether"
          + " they may still use their secrets.",
      "",
      "Example:",
      "  datadock user tag delete -i johndoetmdcio -t roles:id:data-dev"
    })
public final class UserTagDeleteCommand implements Callable<Integer> {

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

  public UserTagDeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayClient client = context.client();
    Log log = context.log();
    log.info("🏷 user tag delete...");
    List<String> deleted = new ArrayList<>();
    TreeSet<String> revalidated = new TreeSet<>();
    for (String tag : tags) {
      JsonNode answer = client.delete(Users.tagPath(id, tag), Query.of());
      answer.path("revalidated").forEach(d -> revalidated.add(d.asText()));
      deleted.add(tag);
    }
    log.info("deleted tags: " + String.join(", ", deleted));
    if (!revalidated.isEmpty()) {
      log.info("depots asked again: " + String.join(", ", revalidated));
    }
    log.info("🏷 user tag delete...complete");
    return 0;
  }
}
