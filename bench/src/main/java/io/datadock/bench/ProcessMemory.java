package io.datadock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The memory of another JVM on this machine, by its pid: live heap and resident set size. */
final class ProcessMemory {

  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");
  private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

  private ProcessMemory() {}

  /**
   * The bytes of live objects: {@code jcmd GC.class_histogram} runs a full collection first, so
   * this is the heap after GC.
   */
  static long liveHeapBytes(long pid) {
    Matcher m = HISTOGRAM_TOTAL.matcher(jcmd(pid, "GC.class_histogram"));
    if (!m.find()) {
      throw new IllegalStateException("no histogram total from pid " + pid);
    }
    return Long.parseLong(m.group(1));
  }

  /** Resident set size, from {@code /proc/<pid>/status}. */
  static long rssBytes(long pid) {
    try {
      Matcher m = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
      return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String jcmd(long pid, String command) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      Process p =
          new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + command + " on pid " + pid + " failed: " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
