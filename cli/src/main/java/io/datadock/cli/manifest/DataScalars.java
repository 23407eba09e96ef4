package io.datadock.cli.manifest;

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
 * Reads a secret's {@code data} and {@code files} (under {@code secret:} or {@code
 * instance-secret:}) as written: unquoted scalars there, keys and values, are text ({@code
 * password: 0777} stays {@code 0777}, not YAML 1.1's octal 511), so the manifest the CLI re-sends
 * quotes them and the gateway stores exactly what the file said. Nulls stay null, for the gateway
 * to refuse naming the field. The gateway reads its bodies by the same rule ({@code
 * io.datadock.core.manifest.DataScalars}); the CLI keeps its own copy so it does not load core.
 */
final class DataScalars {

  private static final List<String> BLOCKS = ResourceType.SECRET_BLOCKS;

  private DataScalars() {}

  static SafeConstructor constructor(LoaderOptions options) {
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

  private static void keepText(Node document) {
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
}
