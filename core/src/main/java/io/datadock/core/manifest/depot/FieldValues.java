package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one connection field as what its {@link FieldKind} says it holds, failing with the field's
 * path. Values that could carry anything (hosts, names, addresses) are not echoed back.
 */
final class FieldValues {

  private FieldValues() {}

  /** A non-empty string; a number is taken in its written form ({@code schema: 2024}). */
  static String string(Object value, String path) {
    String s = text(value, path);
    if (s.chars().anyMatch(Character::isISOControl)) {
      throw DatadockException.invalid(path, path + " must not contain control characters");
    }
    return s;
  }

  /** A host name or an IP literal; an IPv6 literal is kept without its brackets. */
  static String host(Object value, String path) {
    String host = text(value, path);
    if (InlineCredentials.hasBareUserInfo(host)) {
      throw InlineCredentials.userInfo(path);
    }
    if (!HostName.valid(host)) {
      throw DatadockException.invalid(
          path,
          path
              + " must be a host name (letters, digits, '-' and '.') or an IP address (IPv6 with"
              + " or without brackets), with no port, path, user, separator or whitespace");
    }
    return HostName.unbracketed(host);
  }

  static String identifier(Object value, String path) {
    String name = text(value, path);
    if (!Identifier.valid(name)) {
      throw DatadockException.invalid(
          path,
          path
              + " must be a name of letters, digits and "
              + String.join(" ", Identifier.PUNCTUATION.split(""))
              + ", at most "
              + Identifier.MAX_LENGTH
              + " characters");
    }
    return name;
  }

  /** An address without whitespace; user information was refused before. */
  static String url(Object value, String path) {
    String url = text(value, path);
    if (url.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
      throw DatadockException.invalid(
          path, path + " must be an address without whitespace or control characters");
    }
    return url;
  }

  static Integer port(Object value, String path) {
    if ((isIntegral(value) || value instanceof String) && value.toString().matches("[0-9]{1,5}")) {
      int port = Integer.parseInt(value.toString());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    }
    throw DatadockException.invalid(
        path,
        path + " must be a port number between 1 and 65535, not '" + Values.shorten(value) + "'");
  }

  /**
   * {@code host:port} entries: a list of non-empty strings, or one comma-separated string ({@code
   * "h1:9092,h2:9092"}); no whitespace inside an entry, no {@code user:pass@}.
   */
  static List<String> nodes(Object value, String path) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(node(list.get(i), path + "[" + i + "]"));
      }
    } else if (value instanceof String s) {
      String[] parts = s.split(",", -1);
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].isBlank()) {
          throw DatadockException.invalid(
              path, path + " must list non-empty entries separated by commas");
        }
        out.add(node(parts[i].trim(), path + "[" + i + "]"));
      }
    } else {
      throw DatadockException.invalid(
          path, path + " must be a list of strings or a comma-separated string");
    }
    if (out.isEmpty()) {
      throw DatadockException.invalid(path, path + " must list at least one entry");
    }
    return List.copyOf(out);
  }

  private static String node(Object value, String path) {
    String node = text(value, path);
    String address = node.contains("://") ? node.substring(node.indexOf("://") + 3) : node;
    if (InlineCredentials.hasBareUserInfo(address)) {
      throw InlineCredentials.userInfo(path);
    }
    if (node.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
      throw DatadockException.invalid(
          path, path + " must be an address without whitespace or control characters");
    }
    return node;
  }

  /** A non-empty string, or a number in its written form. */
  private static String text(Object value, String path) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    if (isIntegral(value)) {
      return value.toString();
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return new BigDecimal(n.toString()).toPlainString();
    }
    throw DatadockException.invalid(path, path + " must be a non-empty string");
  }

  static boolean isIntegral(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger;
  }
}
