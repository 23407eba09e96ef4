package io.datadock.catalog.scan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many objects a scan of each depot may list: the operator's budget for every depot ({@code
 * DATADOCK_SCAN_OBJECT_BUDGET}) and the operator's budgets for named depots ({@code
 * DATADOCK_SCAN_OBJECT_BUDGETS}, {@code <tenant>/<depot>=<objects>} comma-separated), above or
 * below it. Only the scanner's environment sets them: a depot's manifest cannot, so its owner
 * cannot raise the cap.
 *
 * @param byDepot budgets by {@code <tenant>/<depot>}
 */
public record ScanBudgets(int everyDepot, Map<String, Integer> byDepot) {

  public ScanBudgets {
    if (everyDepot < 1) {
      throw new IllegalArgumentException("must be at least 1: " + everyDepot);
    }
    byDepot = Collections.unmodifiableMap(new LinkedHashMap<>(byDepot));
  }

  /** The same budget for every depot. */
  public static ScanBudgets of(int everyDepot) {
    return new ScanBudgets(everyDepot, Map.of());
  }

  /**
   * {@code everyDepot}, and the budgets {@code text} names, e.g. {@code
   * sales/lake=500000,sales/tmp=1000}; blank names none.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code <tenant>/<depot>=<n>} with
   *     {@code n} at least 1, or a depot named twice
   */
  public static ScanBudgets parse(int everyDepot, String text) {
    Map<String, Integer> byDepot = new LinkedHashMap<>();
    if (text != null && !text.isBlank()) {
      for (String entry : text.split(",")) {
        String[] parts = entry.trim().split("=", -1);
        if (parts.length != 2 || !isDepotKey(parts[0].trim())) {
          throw new IllegalArgumentException(
              "not <tenant>/<depot>=<objects>: \"" + entry.trim() + "\"");
        }
        String depot = parts[0].trim();
        if (byDepot.put(depot, objects(depot, parts[1].trim())) != null) {
          throw new IllegalArgumentException("depot " + depot + " is named twice");
        }
      }
    }
    return new ScanBudgets(everyDepot, byDepot);
  }

  /** The budget of one depot of one tenant. */
  public int of(String tenant, String depot) {
    return byDepot.getOrDefault(tenant + "/" + depot, everyDepot);
  }

  private static boolean isDepotKey(String key) {
    int slash = key.indexOf('/');
    return slash > 0 && slash == key.lastIndexOf('/') && slash < key.length() - 1;
  }

  private static int objects(String depot, String text) {
    int objects;
    try {
      objects = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the budget of " + depot + " is not a number: \"" + text + "\"");
    }
    if (objects < 1) {
      throw new IllegalArgumentException(
          "the budget of " + depot + " must be at least 1: " + objects);
    }
    return objects;
  }
}
