package io.datadock.cli.output;

import java.io.PrintWriter;

/** dataos-ctl style lines: {@code INFO[0003] message}, the seconds since the command started. */
public final class Log {

  private final PrintWriter out;
  private final PrintWriter err;
  private final long startNanos;

  public Log(PrintWriter out, PrintWriter err, long startNanos) {
    this.out = out;
    this.err = err;
    this.startNanos = startNanos;
  }

  public void info(String message) {
    out.println("INFO" + stamp() + " " + message);
    out.flush();
  }

  public void error(String message) {
    err.println("ERROR" + stamp() + " " + message);
    err.flush();
  }

  private String stamp() {
    long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
    return String.format("[%04d]", Math.min(seconds, 9999));
  }
}
