package io.datadock.secret.lifecycle;

import io.datadock.core.resource.ResourceKey;
import java.util.List;
import java.util.stream.Collectors;

/** The message users and scripts already know for a delete blocked by dependents. */
public final class DependencyMessage {

  private DependencyMessage() {}

  /**
   * @param dependents the dependents' resource keys ({@code tenant/depot/name}), each shown as
   *     {@code depot:v2alpha:name}
   */
  public static String of(List<String> dependents) {
    return "cannot delete resource, it is a dependency of "
        + dependents.stream()
            .map(DependencyMessage::display)
            .sorted()
            .map(d -> "'" + d + "'")
            .collect(Collectors.joining(", "));
  }

  /** {@code tenant/depot/name} → {@code depot:v2alpha:name}; any other id is shown as it is. */
  static String display(String dependent) {
    if (!dependent.contains("/")) {
      return dependent;
    }
    ResourceKey key = ResourceKey.parse(dependent);
    return key.kind() + ":v2alpha:" + key.name();
  }
}
