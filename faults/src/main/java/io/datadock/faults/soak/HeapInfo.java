package io.datadock.faults.soak;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the heap in use from {@code jcmd <pid> GC.heap_info}: the sum of every generation's (or
 * G1's whole heap's) {@code used}, Metaspace left out (it is not heap).
 */
public final class HeapInfo {

  /** " def new generation total 19648K, used 1234K [...": a heap area's line. */
  private static final Pattern AREA =
      Pattern.compile("^\\s*[a-z-]+[a-z -]*?\\s+total (\\d+)K, used (\\d+)K");

  private HeapInfo() {}

  /** Bytes of heap in use, or empty when the output names no heap area. */
  public static OptionalLong usedBytes(String heapInfo) {
    long used = 0;
    boolean found = false;
    for (String line : heapInfo.split("\n")) {
      Matcher m = AREA.matcher(line);
      if (m.find()) {
        used += Long.parseLong(m.group(2)) * 1024;
        found = true;
      }
    }
    return found ? OptionalLong.of(used) : OptionalLong.empty();
  }
}
