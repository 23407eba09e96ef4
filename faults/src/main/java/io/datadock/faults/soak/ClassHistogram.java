package io.datadock.faults.soak;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the live heap from {@code jcmd <pid> GC.class_histogram}: the bytes of every object that
 * survived the full collection the histogram runs first, counted inside that pause. Unlike the
 * heap's "used" read after a separate {@code GC.run}, it holds nothing the process allocated in the
 * second or so a second {@code jcmd} takes to start, which moved a 25 MB gateway by 1–3 MB between
 * samples.
 */
public final class ClassHistogram {

  /** "Total 411241 24479328": instances, then bytes. */
  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  private ClassHistogram() {}

  /** Bytes of live objects, or empty when the output holds no histogram. */
  public static OptionalLong liveBytes(String histogram) {
    Matcher m = TOTAL.matcher(histogram);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }
}
