package io.datadock.cli;

/** A failure the CLI reports as one {@code ERROR} line and exit status 1. */
public class CliException extends RuntimeException {

  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
