package io.datadock.secret.lifecycle;

import java.util.List;
import java.util.stream.Collectors;

/** The message users and scripts already know for a delete blocked by dependents. */
public final class DependencyMessage {

  private DependencyMessage() {}

  /**
   * @param dependents resource ids such as {@code depot:v2alpha:snowflake-sales}
   */
  public static String of(List<String> dependents) {
    return "cannot delete resource, it is a dependency of "
        + dependents.stream().sorted().map(d -> "'" + d + "'").collect(Collectors.joining(", "));
  }
}
