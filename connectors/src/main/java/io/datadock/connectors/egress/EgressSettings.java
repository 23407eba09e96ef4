package io.datadock.connectors.egress;

import io.datadock.runtime.config.Setting;
import io.datadock.runtime.config.Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * The operator's egress settings of one service: the {@link EgressPolicy.Mode}, the allow and deny
 * lists ({@code DATADOCK_EGRESS_ALLOW}, {@code DATADOCK_EGRESS_DENY}: comma-separated CIDR ranges
 * or addresses) and the file roots ({@code DATADOCK_FILE_ROOTS}: comma-separated directories).
 */
public record EgressSettings(
    EgressPolicy.Mode mode, List<Cidr> allow, List<Cidr> deny, List<Path> fileRoots) {

  public EgressSettings {
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
    fileRoots = List.copyOf(fileRoots);
  }

  /**
   * Read from the settings; file roots default to {@code defaultFileRoot}.
   *
   * @throws io.datadock.runtime.config.ConfigurationException naming the variable and the bad entry
   */
  public static EgressSettings from(
      Settings settings, EgressPolicy.Mode mode, Path defaultFileRoot) {
    List<Path> roots = settings.parsed(Setting.DATADOCK_FILE_ROOTS, FileRoots::parse);
    return new EgressSettings(
        mode,
        settings.parsed(Setting.DATADOCK_EGRESS_ALLOW, Cidr::parseList),
        settings.parsed(Setting.DATADOCK_EGRESS_DENY, Cidr::parseList),
        roots.isEmpty() ? List.of(defaultFileRoot) : roots);
  }

  /** The policy, with the platform's listeners the service knows. */
  public Egress egress(PlatformEndpoints platform) {
    return new Egress(EgressPolicy.of(mode, allow, deny, platform), FileRoots.of(fileRoots));
  }
}
