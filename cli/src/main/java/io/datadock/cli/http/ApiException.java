package io.datadock.cli.http;

import io.datadock.cli.CliException;

/** The gateway answered with an error: {@code {"error": {"code", "message", "field"}}}. */
public final class ApiException extends CliException {

  private final int status;
  private final String field;

  public ApiException(int status, String message, String field) {
    super(
        field != null && (status == 400 || status == 422) && !message.contains(field)
            ? message + " (field: " + field + ")"
            : message);
    this.status = status;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
