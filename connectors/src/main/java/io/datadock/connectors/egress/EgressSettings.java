package io.datadock.connectors.egress;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The operator's egress settings of one service: the {@link EgressPolicy.Mode}, the allow and deny
 * lists ({@code DATADOCK_EGRESS_ALLOW}, {@code DATADOCK_EGRESS_DENY}: comma-separated CIDR ranges
 * or addresses) and the file roots ({@code DATADOCK_FILE_ROOTS}: comma-separated directories).
 */
public record EgressSettings(
    EgressPolicy.Mode mode, List<Cidr> allow, List<Cidr> deny, List<Path> fileRoots) {

  public static final String ALLOW_ENV = "DATADOCK_EGRESS_ALLOW";
  public static final String DENY_ENV = "DATADOCK_EGRESS_DENY";
  public static final String FILE_ROOTS_ENV = "DATADOCK_FILE_ROOTS";

  public EgressSettings {
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
    fileRoots = List.copyOf(fileRoots);
  }

  /**
   * From the environment; file roots default to {@code defaultFileRoot}.
   *
   * @throws IllegalArgumentException naming the variable and the bad entry
   */
  public static EgressSettings fromEnv(
      Map<String, String> env, EgressPolicy.Mode mode, Path defaultFileRoot) {
    String roots = env.get(FILE_ROOTS_ENV);
    return new EgressSettings(
        mode,
        cidrs(env, ALLOW_ENV),
        cidrs(env, DENY_ENV),
        roots == null || roots.isBlank() ? List.of(defaultFileRoot) : FileRoots.parse(roots));
  }

  /** The policy, with the platform's listeners the service knows. */
  public Egress egress(PlatformEndpoints platform) {
    return new Egress(EgressPolicy.of(mode, allow, deny, platform), FileRoots.of(fileRoots));
  }

  private static List<Cidr> cidrs(Map<String, String> env, String name) {
    try {
      return Cidr.parseList(env.get(name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    }
  }
}
