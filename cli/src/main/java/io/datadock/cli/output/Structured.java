package io.datadock.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datadock.cli.CliException;
import java.io.IOException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Prints API answers as indented JSON or block YAML ({@code -o json|yaml}). */
public final class Structured {

  /** Built on first use only: an ObjectMapper takes a while to make (see {@code Json}). */
  private static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private Structured() {}

  public static String json(JsonNode node) {
    try {
      return Mapper.JSON.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new CliException("cannot print JSON: " + e.getMessage(), e);
    }
  }

  public static String yaml(JsonNode node) {
    Object plain = Mapper.JSON.convertValue(node, Object.class);
    return yaml().dump(plain);
  }

  public static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(0);
    return new Yaml(options);
  }

  /** Fails unless {@code format} is {@code json} or {@code yaml}. */
  public static void check(String format) {
    if (!"json".equals(format) && !"yaml".equals(format)) {
      throw unknown(format);
    }
  }

  /** Formats by name: {@code json} or {@code yaml}. */
  public static String format(JsonNode node, String format) {
    return switch (format) {
      case "json" -> json(node);
      case "yaml" -> yaml(node);
      default -> throw unknown(format);
    };
  }

  private static CliException unknown(String format) {
    return new CliException("unknown output format '" + format + "': table, json or yaml");
  }
}
