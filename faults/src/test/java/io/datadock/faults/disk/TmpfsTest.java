package io.datadock.faults.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real tmpfs of 2 MiB where this machine lets the test mount one; skipped (and said) elsewhere.
 */
class TmpfsTest {

  @TempDir Path dir;

  @Test
  void aBallastFillsTheFileSystemUntilNothingFitsAndFreeingItMakesRoomAgain() throws IOException {
    assumeMountPermitted();
    try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 2 * 1024 * 1024)) {
      assertThat(mounted(disk.path())).isTrue();
      Files.writeString(disk.path().resolve("before"), "x".repeat(100_000));

      Ballast ballast = Ballast.fill(disk.path());

      assertThat(ballast.bytes()).isBetween(1_500_000L, 2L * 1024 * 1024 - 100_000);
      assertThatThrownBy(() -> Files.writeString(disk.path().resolve("after"), "y".repeat(8192)))
          .isInstanceOf(IOException.class)
          .satisfies(e -> assertThat(Ballast.isNoSpace((IOException) e)).isTrue());

      ballast.free();
      Files.writeString(disk.path().resolve("after"), "y".repeat(8192));
      assertThat(Files.readString(disk.path().resolve("before"))).hasSize(100_000);
    }
    assertThat(mounted(dir.resolve("disk"))).isFalse();
  }

  @Test
  void aDiskShrunkToWhatItHoldsFillsWithLittleBallastAndKeepsItsFilesWhenGrownBack()
      throws IOException {
    assumeMountPermitted();
    try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 64L * 1024 * 1024)) {
      Files.writeString(disk.path().resolve("held"), "x".repeat(3_000_000));
      assertThat(disk.used()).isBetween(3_000_000L, 3_200_000L);

      disk.resize(disk.used() + 1024 * 1024);
      Ballast ballast = Ballast.fill(disk.path());
      assertThat(ballast.bytes()).as("only the headroom is filled").isLessThan(1_100_000L);
      assertThatThrownBy(() -> Files.writeString(disk.path().resolve("after"), "y".repeat(8192)))
          .isInstanceOf(IOException.class);

      ballast.free();
      disk.resize(64L * 1024 * 1024);
      Files.writeString(disk.path().resolve("after"), "y".repeat(8_000_000));
      assertThat(Files.readString(disk.path().resolve("held"))).hasSize(3_000_000);
      assertThat(disk.bytes()).isEqualTo(64L * 1024 * 1024);
    }
  }

  @Test
  void closingTwiceUnmountsOnce() {
    assumeMountPermitted();
    Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 1024 * 1024);
    disk.close();
    disk.close();
    assertThat(mounted(disk.path())).isFalse();
  }

  @Test
  void aSizeBelowOnePageIsRefusedBeforeMounting() {
    assertThatThrownBy(() -> Tmpfs.options(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 B");
    assertThat(Tmpfs.options(256L * 1024 * 1024)).isEqualTo("size=268435456,mode=0755");
  }

  private void assumeMountPermitted() {
    Optional<String> refused = Tmpfs.notPermitted(dir.resolve("probe"));
    refused.ifPresent(why -> System.out.println("TmpfsTest skipped: " + why));
    assumeTrue(refused.isEmpty(), "mounting a tmpfs is not permitted here");
  }

  private static boolean mounted(Path at) {
    try {
      return MountTable.isMountPoint(
          Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8), at);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
