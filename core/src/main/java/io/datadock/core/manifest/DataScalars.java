package io.datadock.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.datadock.core.resource.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Keeps a secret's data values as they were written. YAML 1.1 reads an unquoted scalar by its
 * looks: {@code 5432} is a number, {@code 0777} octal 511, {@code 1_000} 1000, {@code 12:30}
 * sexagesimal 750, {@code yes} true, {@code 2024-01-01} a date; DataOS users write passwords and
 * ports unquoted (often through {@code ${VAR}}), and a password must not change on the way. So the
 * plain scalars directly under {@code secret.data} and {@code instance-secret.data} (and {@code
 * files}, keys too) are read as strings, their text exactly as written ({@code 0777}, {@code 1e3},
 * {@code yes}, {@code 1.10}); a null ({@code ~}, {@code null} or nothing) stays null, for the
 * validator to refuse naming the field. Every other field keeps YAML's reading ({@code port: 5432}
 * of a depot is a number).
 *
 * <p>A JSON body has one spelling for integers and booleans; a decimal keeps its digits ({@code
 * 1.10}) and an exponent comes in Java's form ({@code 1e3} → {@code 1E+3}).
 *
 * <p>The CLI re-sends what it read, and keeps the same rule ({@code cli}'s {@code ManifestFiles}).
 */
public final class DataScalars {

  /** The blocks whose {@code data} holds secret values. */
  static final List<String> BLOCKS =
      ResourceKind.SECRETS.stream().map(ResourceKind::wireName).toList();

  private DataScalars() {}

  /** SnakeYAML's safe constructor, reading each document's secret data scalars as text. */
  public static SafeConstructor constructor(LoaderOptions options) {
    return new SafeConstructor(options) {
      @Override
      public Object getData() {
        if (!composer.checkNode()) {
          throw new NoSuchElementException("No document is available.");
        }
        Node document = composer.getNode();
        keepText(document);
        return constructDocument(document);
      }
    };
  }

  /**
   * Retags the plain scalars under the secret blocks' {@code data} and {@code files}, keys and
   * values, as strings (a key {@code on} or {@code 1234} is a name too).
   */
  static void keepText(Node document) {
    MappingNode block = mapping(document, BLOCKS);
    for (String field : List.of("data", "files")) {
      MappingNode entries = mapping(block, List.of(field));
      if (entries != null) {
        for (NodeTuple entry : entries.getValue()) {
          asText(entry.getKeyNode());
          asText(entry.getValueNode());
        }
      }
    }
  }

  private static void asText(Node node) {
    if (node instanceof ScalarNode scalar && scalar.isPlain() && !Tag.NULL.equals(node.getTag())) {
      scalar.setTag(Tag.STR);
    }
  }

  private static MappingNode mapping(Node node, List<String> keys) {
    if (!(node instanceof MappingNode mapping)) {
      return null;
    }
    for (NodeTuple entry : mapping.getValue()) {
      if (entry.getKeyNode() instanceof ScalarNode key
          && keys.contains(key.getValue())
          && entry.getValueNode() instanceof MappingNode value) {
        return value;
      }
    }
    return null;
  }

  /**
   * A JSON document read with exact decimals: the secret data's numbers and booleans become their
   * text, every other decimal a double again (as the rest of validation expects).
   */
  static void keepText(JsonNode document) {
    for (String block : BLOCKS) {
      if (document.path(block).path("data") instanceof ObjectNode data) {
        for (String name : names(data)) {
          JsonNode value = data.get(name);
          if (value.isNumber() || value.isBoolean()) {
            data.set(name, TextNode.valueOf(value.asText()));
          }
        }
      }
    }
    doubles(document);
  }

  private static List<String> names(ObjectNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void doubles(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String name : names(object)) {
        JsonNode value = object.get(name);
        if (value.isBigDecimal()) {
          object.set(name, DoubleNode.valueOf(value.doubleValue()));
        } else {
          doubles(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isBigDecimal()) {
          array.set(i, DoubleNode.valueOf(array.get(i).doubleValue()));
        } else {
          doubles(array.get(i));
        }
      }
    }
  }
}
