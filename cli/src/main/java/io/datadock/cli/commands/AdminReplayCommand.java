package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.CliException;
import io.datadock.cli.http.ApiException;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import io.datadock.cli.output.Log;
import io.datadock.cli.output.Structured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock admin replay}: {@code POST /api/v1/admin/replay}. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild a service's state from its changelog on every instance, and compare the state's",
      "digest before and after. Exits 1 if they differ.",
      "",
      "Example:",
      "  datadock admin replay --service depot",
      "  datadock admin replay --service secret --timeout 120 -o json"
    })
public final class AdminReplayCommand implements Callable<Integer> {

  /** How much longer than the gateway's own wait the CLI waits for its answer. */
  private static final Duration MARGIN = Duration.ofSeconds(30);

  /** The wait when no --timeout is given: longer than the gateway's default. */
  private static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

  private static final Map<String, String> SERVICE_NAMES =
      Map.of("secret", "secret-service", "depot", "depot-service", "scanner", "catalog-scanner");

  private final CliContext context;

  @Option(names = "--service", required = true, description = "secret, depot or scanner")
  String service;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "how long the gateway waits for the instances (its default when left out)")
  Integer timeoutSeconds;

  @Option(
      names = {"-o", "--output"},
      description = "json: print the gateway's answer")
  String output;

  public AdminReplayCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (output != null && !"json".equals(output)) {
      throw new CliException("unknown output format '" + output + "': json");
    }
    if (timeoutSeconds != null && timeoutSeconds <= 0) {
      throw new CliException("--timeout must be a number of seconds above 0");
    }
    boolean json = "json".equals(output);
    Log log = context.log();
    String replay = "🔁 replay " + SERVICE_NAMES.getOrDefault(service, service) + "...";
    if (!json) {
      log.info(replay);
    }
    JsonNode result = send(context.client());
    boolean equal = result.path("equal").asBoolean(false);
    if (json) {
      context.out().print(Structured.json(result));
      context.out().flush();
    } else {
      log.info("state before: " + state(result.path("before")));
      log.info("state after:  " + state(result.path("after")));
    }
    if (!equal) {
      log.error(
          replay
              + "done, state differs (replay "
              + result.path("replayId").asText("?")
              + " on "
              + String.join(", ", instances(result))
              + ")");
      return 1;
    }
    if (!json) {
      log.info(replay + "done, state equal");
    }
    return 0;
  }

  private JsonNode send(GatewayClient client) {
    Duration wait =
        timeoutSeconds == null ? DEFAULT_WAIT : Duration.ofSeconds(timeoutSeconds).plus(MARGIN);
    try {
      return client.postJson(
          "/api/v1/admin/replay",
          Query.of().add("timeoutSeconds", timeoutSeconds),
          Map.of("service", service),
          wait);
    } catch (ApiException e) {
      if (e.status() == 504) {
        throw new ApiException(504, e.getMessage() + " (a longer --timeout may help)", null);
      }
      throw e;
    }
  }

  private static String state(JsonNode state) {
    return state.path("entries").asText("?") + " entries, sha256 " + state.path("sha256").asText();
  }

  private static List<String> instances(JsonNode result) {
    List<String> names = new ArrayList<>();
    result.path("instances").forEach(i -> names.add(i.asText()));
    return names;
  }
}
