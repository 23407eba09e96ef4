package io.datadock.faults.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {

  @Test
  void theLiveHeapIsTheTotalLinesBytes() {
    String out =
        """
        9316:
         num     #instances         #bytes  class name (module)
        -------------------------------------------------------
           1:         62590        9672872  [B (java.base@17.0.15)
           2:         61090        1466160  java.lang.String (java.base@17.0.15)
        3605:             1             16  sun.util.resources.cldr.provider.CLDRLocaleDataMetaInfo (jdk.localedata@17.0.15)
        Total        411241       24479328
        """;

    assertThat(ClassHistogram.liveBytes(out)).hasValue(24_479_328L);
  }

  @Test
  void anAnswerWithoutAHistogramIsNoSample() {
    assertThat(ClassHistogram.liveBytes("123:\nNo such process\n")).isEmpty();
  }
}
