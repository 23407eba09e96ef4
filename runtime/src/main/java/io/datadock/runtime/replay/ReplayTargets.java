package io.datadock.runtime.replay;

import java.util.Map;

/**
 * The services operators can replay, by the name they replay them by, and their consumer groups:
 * the one place both the services (their default group ids and replay names) and the gateway's
 * coordinator read them from, with the same environment variables.
 */
public final class ReplayTargets {

  public static final String SECRET = "secret";
  public static final String DEPOT = "depot";
  public static final String SCANNER = "scanner";

  public static final String SECRET_GROUP = "datadock-secret-service";
  public static final String DEPOT_GROUP = "datadock-depot-service";
  public static final String SCANNER_GROUP = "datadock-catalog-scanner";

  private ReplayTargets() {}

  public static Map<String, ReplayTarget> fromEnv(Map<String, String> env) {
    return Map.of(
        SECRET,
        new ReplayTarget(env.getOrDefault("DATADOCK_SECRET_APPLICATION_ID", SECRET_GROUP), true),
        DEPOT,
        new ReplayTarget(env.getOrDefault("DATADOCK_DEPOT_APPLICATION_ID", DEPOT_GROUP), true),
        SCANNER,
        new ReplayTarget(env.getOrDefault("DATADOCK_SCANNER_GROUP", SCANNER_GROUP), false));
  }
}
