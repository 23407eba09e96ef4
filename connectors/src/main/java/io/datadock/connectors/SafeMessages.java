package io.datadock.connectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns driver and client messages into short step messages that hold no credential value. */
public final class SafeMessages {

  static final String REDACTED = "***";
  private static final int MAX_LENGTH = 240;

  /**
   * Credential keys whose values may appear in messages (a user name, a protocol name, a Google
   * secret's project and service account e-mail, which checks name).
   */
  private static final Set<String> NOT_SECRET =
      Set.of("username", "user", "security_protocol", "sasl_mechanism", "email", "projectid");

  /** Everything after {@code password=} (and its kin) is dropped. */
  private static final Pattern SECRET_ASSIGNMENT =
      Pattern.compile("(?i)(password|passwd|pwd|secret|secretkey|accesskey|token)\\s*=");

  private SafeMessages() {}

  /**
   * The first line of {@code message}, cut after any {@code password=}, with every secret value of
   * {@code credentials} replaced, at most 240 characters.
   */
  public static String clean(String message, Credentials credentials) {
    if (message == null || message.isBlank()) {
      return "";
    }
    String text = message.strip();
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline).strip();
    }
    Matcher assignment = SECRET_ASSIGNMENT.matcher(text);
    if (assignment.find()) {
      text = text.substring(0, assignment.end()) + REDACTED;
    }
    for (String secret : secretValues(credentials)) {
      text = text.replace(secret, REDACTED);
    }
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }

  /** A throwable's message, or its class name when it has none, cleaned. */
  public static String of(Throwable error, Credentials credentials) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      message = error.getClass().getSimpleName();
    }
    return clean(message, credentials);
  }

  private static List<String> secretValues(Credentials credentials) {
    List<String> values = new ArrayList<>();
    if (credentials != null) {
      credentials
          .data()
          .forEach(
              (key, value) -> {
                if (!NOT_SECRET.contains(key.toLowerCase(Locale.ROOT)) && !value.isEmpty()) {
                  values.add(value);
                }
              });
    }
    values.sort(Comparator.comparingInt(String::length).reversed());
    return values;
  }
}
