package io.datadock.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.manifest.ResourceType;

/** A resource's {@code details} as text, and its fields as text. */
public final class ResourceDetails {

  private ResourceDetails() {}

  /**
   * A depot's details: its message, each secret reference ({@code secret state reason}) and each
   * check step ({@code name status message}); other details as YAML.
   */
  public static String details(JsonNode resource) {
    JsonNode details = resource.path("details");
    if (!details.isObject() || details.isEmpty()) {
      return "";
    }
    if (!ResourceType.DEPOT.is(text(resource, "type"))) {
      return "\nDETAILS\n" + Structured.yaml(details);
    }
    StringBuilder sb = new StringBuilder();
    if (details.hasNonNull("message")) {
      sb.append("\nMESSAGE: ").append(details.get("message").asText()).append('\n');
    }
    if (details.path("references").size() > 0) {
      Table refs = new Table("SECRET", "STATE", "REASON");
      details
          .path("references")
          .forEach(r -> refs.row(text(r, "secret"), text(r, "state"), text(r, "reason")));
      sb.append("\nREFERENCES\n").append(refs.render());
    }
    JsonNode steps = details.path("check").path("steps");
    if (steps.size() > 0) {
      Table check = new Table("STEP", "STATUS", "MESSAGE");
      steps.forEach(s -> check.row(text(s, "name"), text(s, "status"), text(s, "message")));
      sb.append("\nCHECK\n").append(check.render());
    }
    return sb.toString();
  }

  /** A field as text; missing or null is empty. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
