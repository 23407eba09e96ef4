package io.datadock.core.manifest.depot;

import java.util.Locale;

/**
 * What a host field may hold: a host name made of RFC 1123 labels, an IPv4 address in dotted
 * decimal, or an IPv6 literal with or without brackets. Nothing else: no user information, path,
 * query, port, separator, whitespace or control character can ride along into a URL. Pure and
 * without DNS. The gateway validates host fields with it, and the connectors check again before
 * building a URL.
 */
public final class HostName {

  /** The longest host name DNS can carry. */
  public static final int MAX_LENGTH = 253;

  private static final int MAX_LABEL = 63;

  private HostName() {}

  /** Whether {@code host} is a host name, an IPv4 address or an IPv6 literal. */
  public static boolean valid(String host) {
    if (host == null || host.isEmpty() || host.length() > MAX_LENGTH + 2) {
      return false;
    }
    if (host.startsWith("[") || host.endsWith("]")) {
      return host.startsWith("[")
          && host.endsWith("]")
          && isIpv6(host.substring(1, host.length() - 1));
    }
    if (host.indexOf(':') >= 0) {
      return isIpv6(host);
    }
    return isHostName(host);
  }

  /** The host without the brackets of an IPv6 literal, as a socket wants it. */
  public static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The host as a URL's authority writes it: an IPv6 literal in brackets. */
  public static String forUrl(String host) {
    String bare = unbracketed(host);
    return bare.indexOf(':') >= 0 ? "[" + bare + "]" : bare;
  }

  /**
   * Labels of letters, digits and inner hyphens or underscores (not RFC 1123, but container
   * platforms name services {@code orders_db}, and an underscore changes nothing in a URL), 1 to 63
   * characters each, at most 253 in all. A name whose last label is all digits must be a dotted
   * IPv4 address ({@code 2130706433} or {@code 0177.1} are not names).
   */
  static boolean isHostName(String host) {
    if (host.length() > MAX_LENGTH) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    for (String label : labels) {
      if (!isLabel(label)) {
        return false;
      }
    }
    return !allDigits(labels[labels.length - 1]) || isIpv4(host);
  }

  private static boolean isLabel(String label) {
    if (label.isEmpty() || label.length() > MAX_LABEL) {
      return false;
    }
    if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!(isAsciiLetterOrDigit(c) || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Four decimal parts 0-255, without leading zeros (which some resolvers read as octal). */
  static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty()
          || part.length() > 3
          || !allDigits(part)
          || (part.length() > 1 && part.charAt(0) == '0')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * Eight groups of 1-4 hex digits separated by colons, one {@code ::} standing for one or more
   * zero groups, the last two groups optionally written as an IPv4 address. No zone id.
   */
  static boolean isIpv6(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int gap = lower.indexOf("::");
    if (gap >= 0 && lower.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    if (gap < 0) {
      int groups = groups(lower, true);
      return groups == 8;
    }
    String head = lower.substring(0, gap);
    String tail = lower.substring(gap + 2);
    int before = head.isEmpty() ? 0 : groups(head, false);
    int after = tail.isEmpty() ? 0 : groups(tail, true);
    return before >= 0 && after >= 0 && before + after <= 7;
  }

  /** The number of 16-bit groups in {@code part}, or -1 when it is not a run of groups. */
  private static int groups(String part, boolean mayEndInIpv4) {
    String[] groups = part.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      if (mayEndInIpv4 && i == groups.length - 1 && group.indexOf('.') >= 0) {
        if (!isIpv4(group)) {
          return -1;
        }
        count += 2;
      } else if (isHexGroup(group)) {
        count++;
      } else {
        return -1;
      }
    }
    return count;
  }

  private static boolean isHexGroup(String group) {
    if (group.isEmpty() || group.length() > 4) {
      return false;
    }
    for (int i = 0; i < group.length(); i++) {
      char c = group.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
