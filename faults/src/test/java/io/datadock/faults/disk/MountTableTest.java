package io.datadock.faults.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {

  private static final List<String> TABLE =
      List.of(
          "overlay / overlay rw,relatime 0 0",
          "datadock-faults /tmp/run/kafka-1 tmpfs rw,relatime,size=262144k,mode=755 0 0",
          "datadock-faults /tmp/with\\040space/kafka-2 tmpfs rw,size=1024k 0 0");

  @Test
  void aMountedDirectoryIsAMountPoint() {
    assertThat(MountTable.isMountPoint(TABLE, Path.of("/tmp/run/kafka-1"))).isTrue();
  }

  @Test
  void aDirectoryInsideAMountIsNot() {
    assertThat(MountTable.isMountPoint(TABLE, Path.of("/tmp/run/kafka-1/log"))).isFalse();
    assertThat(MountTable.isMountPoint(TABLE, Path.of("/tmp/run"))).isFalse();
  }

  @Test
  void aPathIsComparedNormalized() {
    assertThat(MountTable.isMountPoint(TABLE, Path.of("/tmp/run/./x/../kafka-1"))).isTrue();
  }

  @Test
  void octalEscapesInTheTableAreReadBack() {
    assertThat(MountTable.unescape("/tmp/with\\040space\\011tab\\134"))
        .isEqualTo("/tmp/with space\ttab\\");
    assertThat(MountTable.isMountPoint(TABLE, Path.of("/tmp/with space/kafka-2"))).isTrue();
  }

  @Test
  void aBackslashNotFollowedByThreeOctalDigitsStaysAsItIs() {
    assertThat(MountTable.unescape("a\\9b\\04")).isEqualTo("a\\9b\\04");
  }
}
