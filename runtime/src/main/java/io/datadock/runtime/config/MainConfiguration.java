package io.datadock.runtime.config;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a {@code main} reads its configuration: once, from {@code System.getenv()}; a bad value is a
 * one-line message naming the variable on stderr and exit status 2, not a stack trace.
 */
public final class MainConfiguration {

  /** The exit status of a process started with a bad configuration. */
  public static final int BAD_CONFIGURATION = 2;

  private MainConfiguration() {}

  /** {@code build} applied to the process's environment. */
  public static <T> T read(Function<Settings, T> build) {
    return orExit(() -> build.apply(Settings.of(System.getenv())));
  }

  /** What {@code start} returns; on a {@link ConfigurationException}, its message and exit 2. */
  public static <T> T orExit(Supplier<T> start) {
    try {
      return start.get();
    } catch (ConfigurationException e) {
      System.err.println(e.getMessage());
      System.exit(BAD_CONFIGURATION);
      throw e; // not reached
    }
  }
}
