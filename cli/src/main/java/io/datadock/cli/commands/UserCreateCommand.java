package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.output.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock user create}: {@code POST /api/v1/users} (operators). */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a user (operators). Without --tenant the user joins the profile's tenant (else"
          + " default); without -t the user gets roles:id:user.",
      "",
      "Example:",
      "  datadock user create -i johndoetmdcio -n 'John Doe' --tenant engineering \\",
      "      -t roles:id:user -t roles:id:data-dev"
    })
public final class UserCreateCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-i", "--id"},
      required = true,
      description = "user id")
  String id;

  @Option(
      names = {"-n", "--name"},
      description = "display name (default: the id)")
  String name;

  @Option(
      names = {"-e", "--email"},
      description = "email address")
  String email;

  @Option(names = "--type", defaultValue = "person", description = "person or application")
  String type;

  @Option(names = "--tenant", description = "a tenant the user is a member of (repeatable)")
  List<String> tenants = new ArrayList<>();

  @Option(
      names = {"-t", "--tag"},
      description = "a tag such as roles:id:data-dev (repeatable)")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--use-case",
      description =
          "read-secret, unsanitize-resource or manage-instance-level-resources (repeatable)")
  List<String> useCases = new ArrayList<>();

  public UserCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GatewayClient client = context.client();
    Log log = context.log();
    log.info("😃 user create...");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", name == null ? id : name);
    if (email != null) {
      body.put("email", email);
    }
    body.put("type", type);
    String profileTenant = client.profile().tenant();
    body.put(
        "tenants",
        !tenants.isEmpty() ? tenants : List.of(profileTenant != null ? profileTenant : "default"));
    body.put("tags", tags.isEmpty() ? List.of("roles:id:user") : tags);
    body.put("useCases", useCases);
    JsonNode user = client.postJson("/api/v1/users", body);
    log.info("😃 creating " + user.path("id").asText(id) + "...created");
    log.info("😃 user create...complete");
    return 0;
  }
}
