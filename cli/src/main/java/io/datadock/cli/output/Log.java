package io.datadock.cli.output;

import java.io.PrintWriter;

/**
 * dataos-ctl's log lines, on stderr so that stdout holds only what a script reads (tables, JSON,
 * YAML, a token): {@code INFO[0003] message}, the seconds since the command started, and {@code
 * ERROR: message}, as the DataOS guides show errors.
 */
public final class Log {

  private final PrintWriter err;
  private final long startNanos;

  public Log(PrintWriter err, long startNanos) {
    this.err = err;
    this.startNanos = startNanos;
  }

  public void info(String message) {
    err.println("INFO" + stamp() + " " + message);
    err.flush();
  }

  /** An empty line: what separates the log lines from a table after them. */
  public void blank() {
    err.println();
    err.flush();
  }

  public void error(String message) {
    err.println("ERROR: " + message);
    err.flush();
  }

  private String stamp() {
    long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
    String digits = Long.toString(Math.min(seconds, 9999));
    return "[" + "0".repeat(4 - digits.length()) + digits + "]";
  }
}
