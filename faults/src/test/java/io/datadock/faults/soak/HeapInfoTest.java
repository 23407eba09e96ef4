package io.datadock.faults.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapInfoTest {

  @Test
  void theSerialCollectorsHeapIsBothGenerationsWithoutMetaspace() {
    String out =
        """
        15652:
         def new generation   total 19648K, used 100K [0x00000000fc000000, 0x00000000fd550000, 0x00000000fd550000)
          eden space 17472K,   0% used [0x00000000fc000000, 0x00000000fc000000, 0x00000000fd110000)
          from space 2176K,   0% used [0x00000000fd110000, 0x00000000fd110000, 0x00000000fd330000)
          to   space 2176K,   0% used [0x00000000fd330000, 0x00000000fd330000, 0x00000000fd550000)
         tenured generation   total 43712K, used 2241K [0x00000000fd550000, 0x0000000100000000, 0x0000000100000000)
           the space 43712K,   5% used [0x00000000fd550000, 0x00000000fd780748, 0x00000000fd780800, 0x0000000100000000)
         Metaspace       used 8932K, committed 9088K, reserved 1114112K
          class space    used 1062K, committed 1152K, reserved 1048576K
        """;

    assertThat(HeapInfo.usedBytes(out)).hasValue((100 + 2241) * 1024L);
  }

  @Test
  void g1sHeapIsOneLine() {
    String out =
        """
        123:
         garbage-first heap   total 262144K, used 40960K [0x00000000f0000000, 0x0000000100000000)
          region size 1024K, 3 young (3072K), 0 survivors (0K)
         Metaspace       used 8932K, committed 9088K, reserved 1114112K
        """;

    assertThat(HeapInfo.usedBytes(out)).hasValue(40960 * 1024L);
  }

  @Test
  void anAnswerWithoutAHeapIsNoSample() {
    assertThat(HeapInfo.usedBytes("123:\nNo such process\n")).isEmpty();
  }
}
