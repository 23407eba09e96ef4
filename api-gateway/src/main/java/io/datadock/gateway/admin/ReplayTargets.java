package io.datadock.gateway.admin;

import io.datadock.core.replay.ReplayCoordinator.Target;
import java.util.Map;

/**
 * The services operators can replay and their consumer groups, with the same environment variables
 * and defaults the services read theirs from.
 */
public final class ReplayTargets {

  private ReplayTargets() {}

  public static Map<String, Target> fromEnv(Map<String, String> env) {
    return Map.of(
        "secret",
        new Target(
            env.getOrDefault("DATADOCK_SECRET_APPLICATION_ID", "datadock-secret-service"), true),
        "depot",
        new Target(
            env.getOrDefault("DATADOCK_DEPOT_APPLICATION_ID", "datadock-depot-service"), true),
        "scanner",
        new Target(env.getOrDefault("DATADOCK_SCANNER_GROUP", "datadock-catalog-scanner"), false));
  }
}
