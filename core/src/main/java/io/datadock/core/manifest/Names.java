package io.datadock.core.manifest;

import io.datadock.core.error.DatadockException;
import java.util.regex.Pattern;

/** The naming rules of MANIFESTS.md, each check failing with the field and the rule. */
public final class Names {

  private static final Pattern SECRET = Pattern.compile("[a-z]([-_.a-z0-9]*[a-z0-9])?");
  private static final Pattern RESOURCE = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DATA_KEY = Pattern.compile("[A-Za-z0-9._-]+");

  private Names() {}

  /** Secrets: {@code [a-z]([-_.a-z0-9]*[a-z0-9])?}, under 60 characters. */
  public static String secretName(String field, String name) {
    if (name.length() >= 60 || !SECRET.matcher(name).matches()) {
      throw DatadockException.invalid(
          field,
          field
              + " '"
              + name
              + "' must match [a-z]([-_.a-z0-9]*[a-z0-9])? and be under 60 characters");
    }
    return name;
  }

  /** Depots, tenants, workspaces: {@code [a-z]([-a-z0-9]*[a-z0-9])?}, at most 48 characters. */
  public static String resourceName(String field, String name) {
    if (name.length() > 48 || !RESOURCE.matcher(name).matches()) {
      throw DatadockException.invalid(
          field,
          field
              + " '"
              + name
              + "' must match [a-z]([-a-z0-9]*[a-z0-9])? and be at most 48 characters");
    }
    return name;
  }

  /** Keys of secret data and files: letters, digits, {@code -}, {@code _}, {@code .}. */
  public static String dataKey(String field, String key) {
    if (key.length() > 253 || !DATA_KEY.matcher(key).matches()) {
      throw DatadockException.invalid(
          field, "key '" + key + "' may only hold letters, digits, '-', '_' and '.' (at most 253)");
    }
    return key;
  }
}
