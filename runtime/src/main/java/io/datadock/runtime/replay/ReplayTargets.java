package io.datadock.runtime.replay;

import io.datadock.runtime.config.Setting;
import java.util.Map;

/**
 * The services operators can replay, by the name they replay them by, and their consumer groups:
 * the one place both the services (their default group ids and replay names) and the gateway's
 * coordinator read them from. The groups default to the {@link Setting}s' defaults ({@code
 * DATADOCK_SECRET_APPLICATION_ID}, {@code DATADOCK_DEPOT_APPLICATION_ID}, {@code
 * DATADOCK_SCANNER_GROUP}).
 */
public final class ReplayTargets {

  public static final String SECRET = "secret";
  public static final String DEPOT = "depot";
  public static final String SCANNER = "scanner";

  public static final String SECRET_GROUP = Setting.DATADOCK_SECRET_APPLICATION_ID.defaultValue();
  public static final String DEPOT_GROUP = Setting.DATADOCK_DEPOT_APPLICATION_ID.defaultValue();
  public static final String SCANNER_GROUP = Setting.DATADOCK_SCANNER_GROUP.defaultValue();

  private ReplayTargets() {}

  /** The services by their replay names, with these consumer groups. */
  public static Map<String, ReplayTarget> of(
      String secretGroup, String depotGroup, String scannerGroup) {
    return Map.of(
        SECRET,
        new ReplayTarget(secretGroup, true),
        DEPOT,
        new ReplayTarget(depotGroup, true),
        SCANNER,
        new ReplayTarget(scannerGroup, false));
  }

  /** The services with their default groups. */
  public static Map<String, ReplayTarget> defaults() {
    return of(SECRET_GROUP, DEPOT_GROUP, SCANNER_GROUP);
  }
}
