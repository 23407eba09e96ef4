package io.datadock.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliContext;
import io.datadock.cli.CliException;
import io.datadock.cli.config.Profile;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import io.datadock.cli.manifest.Interpolator;
import io.datadock.cli.manifest.ManifestDocument;
import io.datadock.cli.manifest.ManifestFiles;
import io.datadock.cli.manifest.ResourceType;
import io.datadock.cli.manifest.SecretFiles;
import io.datadock.cli.output.Log;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datadock resource apply} (also {@code datadock apply}). */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Apply manifests: a YAML file (--- separates documents) or a directory's .yaml/.yml files."
          + " $${VAR} and $$VAR are replaced from the environment, outside comments ($$$$ is a"
          + " literal $$): an unset $${VAR} is an error and nothing is sent, an unset $$VAR stays"
          + " as written (pa$$word); a $${{...}} placeholder must be filled in first. files:"
          + " entries of a secret naming a file (relative to the manifest) are sent as the"
          + " file's content, base64.",
      "",
      "Example:",
      "  datadock apply -f snowflake-cred.yaml",
      "  datadock resource apply -f manifests/ -R --wait",
      "  datadock apply -f pg.yaml -l"
    })
public final class ApplyCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = {"-f", "--manifest-file"},
      required = true,
      description = "manifest file or directory")
  Path path;

  @Option(names = "-R", description = "read directories recursively")
  boolean recursive;

  @Option(
      names = {"-w", "--workspace"},
      description = "workspace to apply into")
  String workspace;

  @Option(
      names = {"-l", "--lint", "--dry-run"},
      description = "validate only; store nothing")
  boolean dryRun;

  @Option(names = "--wait", description = "wait until each depot is active or in error")
  boolean await;

  @Option(names = "--disable-interpolation", description = "send $ references as written")
  boolean disableInterpolation;

  public ApplyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Log log = context.log();
    log.info("🛠 apply...");
    Interpolator interpolator = disableInterpolation ? null : new Interpolator(context.env());
    List<ManifestDocument> docs = ManifestFiles.read(path, recursive, interpolator);
    docs.forEach(SecretFiles::inline);
    if (docs.isEmpty()) {
      throw new CliException("no manifests found in " + path);
    }
    GatewayClient client = context.client();
    Query query = query(client.profile());
    boolean failed = false;
    for (ManifestDocument doc : docs) {
      String applying = "🔧 " + verb(doc.workspace(workspace)) + " " + doc.id() + "...";
      log.info(applying);
      try {
        JsonNode body = client.post("/api/v1/resources", query, "application/yaml", doc.toYaml());
        JsonNode result = body.path("results").path(0);
        if (result.has("error")) {
          log.error(errorLine(result.get("error")));
          failed = true;
        } else {
          log.info(outcome(doc, result));
        }
      } catch (io.datadock.cli.http.ApiException e) {
        if (e.status() == 401) {
          throw e;
        }
        log.error(e.getMessage());
        failed = true;
      }
    }
    if (failed) {
      return 1;
    }
    log.info("🛠 apply...complete");
    return 0;
  }

  private Query query(Profile profile) {
    return Query.of()
        .add("workspace", workspace)
        .flag("dryRun", dryRun)
        .flag("wait", await)
        .add("tenant", profile.tenant());
  }

  private static String verb(String workspace) {
    return workspace == null ? "applying" : "applying(" + workspace + ")";
  }

  /** {@code 🔧 applying NAME:VERSION:TYPE...created}, and the depot's status with --wait. */
  private String outcome(ManifestDocument doc, JsonNode result) {
    String ws =
        result.hasNonNull("workspace")
            ? result.get("workspace").asText()
            : doc.workspace(workspace);
    StringBuilder sb =
        new StringBuilder("🔧 ")
            .append(verb(ws))
            .append(' ')
            .append(doc.id())
            .append("...")
            .append(result.path("outcome").asText());
    if (await && !dryRun && ResourceType.DEPOT.wireName().equalsIgnoreCase(doc.type())) {
      String status = result.path("status").asText();
      if ("error".equals(status)) {
        sb.append(" (error: ").append(result.path("message").asText()).append(')');
      } else if (!status.isEmpty()) {
        sb.append(" (").append(status).append(')');
      }
    }
    return sb.toString();
  }

  private static String errorLine(JsonNode error) {
    String message = error.path("message").asText();
    String field = error.hasNonNull("field") ? error.get("field").asText() : null;
    return field == null || message.contains(field) ? message : message + " (field: " + field + ")";
  }
}
