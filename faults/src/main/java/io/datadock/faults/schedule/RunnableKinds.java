package io.datadock.faults.schedule;

import io.datadock.faults.disk.Tmpfs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The kinds a run asked for that this machine can inject: all of them, except {@link
 * FaultKind#FILL_DISK} where the harness may not mount a file system (no root, no CAP_SYS_ADMIN).
 *
 * @param kinds what will be scheduled
 * @param skipped why FILL_DISK was left out, when it was
 */
public record RunnableKinds(List<FaultKind> kinds, Optional<String> skipped) {

  /** Tries a mount once (under {@code dir}) when FILL_DISK is wanted. */
  public static RunnableKinds of(List<FaultKind> wanted, Path dir) {
    return of(
        wanted,
        wanted.contains(FaultKind.FILL_DISK)
            ? Tmpfs.notPermitted(dir.resolve("mount-probe"))
            : Optional.empty());
  }

  static RunnableKinds of(List<FaultKind> wanted, Optional<String> mountRefused) {
    if (mountRefused.isEmpty() || !wanted.contains(FaultKind.FILL_DISK)) {
      return new RunnableKinds(List.copyOf(wanted), Optional.empty());
    }
    return new RunnableKinds(
        wanted.stream().filter(k -> k != FaultKind.FILL_DISK).toList(),
        Optional.of(
            "FILL_DISK skipped: this machine does not let the harness mount a small file system"
                + " (needs root or CAP_SYS_ADMIN): "
                + mountRefused.get()));
  }

  /** Whether the brokers' log directories must be on small file systems of their own. */
  public boolean needsSmallDisks() {
    return kinds.contains(FaultKind.FILL_DISK);
  }
}
