package io.datadock.runtime.config;

/**
 * A variable that is missing or cannot be read, with a message naming it and the problem ({@code
 * DATADOCK_TENANT_RATE_LIMIT: not a number: "abc"}), fit to print as it is: it never holds a
 * secret's value, only the value of the variable that is wrong.
 */
public final class ConfigurationException extends IllegalArgumentException {

  public ConfigurationException(Setting setting, String problem) {
    super(setting.variable() + ": " + problem);
  }
}
