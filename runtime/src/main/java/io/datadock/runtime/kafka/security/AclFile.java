package io.datadock.runtime.kafka.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Datadock's ACL file ({@code kafka-acls.txt}): one line per principal and resource, {@code <user>
 * <OPERATION,...> <topic|group|transactional-id> <literal|prefixed> <name>}, names holding {@code
 * ${...}} placeholders for the deployment's topic prefix and group ids. Each line allows; nothing
 * is denied explicitly (the authorizer denies what no ACL allows).
 */
public final class AclFile {

  /** The file in the repository, as the jar carries it. */
  public static final String RESOURCE = "kafka-acls.txt";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z-]+)}");

  private AclFile() {}

  /** The repository's ACL file. */
  public static String text() {
    try (InputStream in = AclFile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param values the placeholders' values by name ({@code prefix}, {@code secret-app}, ...)
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static List<AclBinding> parse(String text, Map<String, String> values) {
    List<AclBinding> bindings = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        bindings.addAll(parseLine(line, values));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(bindings);
  }

  private static List<AclBinding> parseLine(String line, Map<String, String> values) {
    String[] f = line.split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException(
          "expected <user> <operations> <resource> <pattern> <name>, found "
              + f.length
              + " fields");
    }
    ResourcePattern resource =
        new ResourcePattern(resourceType(f[2]), substitute(f[4], values), patternType(f[3]));
    List<AclBinding> bindings = new ArrayList<>();
    for (String operation : f[1].split(",")) {
      bindings.add(
          new AclBinding(
              resource,
              new AccessControlEntry(
                  "User:" + f[0], "*", operation(operation), AclPermissionType.ALLOW)));
    }
    return bindings;
  }

  private static ResourceType resourceType(String text) {
    return switch (text) {
      case "topic" -> ResourceType.TOPIC;
      case "group" -> ResourceType.GROUP;
      case "transactional-id" -> ResourceType.TRANSACTIONAL_ID;
      default ->
          throw new IllegalArgumentException(
              "resource must be topic, group or transactional-id: " + text);
    };
  }

  private static PatternType patternType(String text) {
    return switch (text) {
      case "literal" -> PatternType.LITERAL;
      case "prefixed" -> PatternType.PREFIXED;
      default -> throw new IllegalArgumentException("pattern must be literal or prefixed: " + text);
    };
  }

  private static AclOperation operation(String text) {
    AclOperation operation = AclOperation.fromString(text.toUpperCase(Locale.ROOT));
    if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
      throw new IllegalArgumentException("not a Kafka ACL operation: " + text);
    }
    return operation;
  }

  private static String substitute(String name, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(name);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("unknown placeholder ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    if (out.toString().contains("${")) {
      throw new IllegalArgumentException("malformed placeholder in " + name);
    }
    return out.toString();
  }
}
