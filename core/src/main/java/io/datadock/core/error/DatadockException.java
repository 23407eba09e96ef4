package io.datadock.core.error;

/**
 * An error as a value: a stable code, a human message and, when one field is at fault, its path
 * (for example {@code secret.data}). Messages never contain secret values.
 */
public class DatadockException extends RuntimeException {

  private final ErrorCode code;
  private final String field;

  public DatadockException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public DatadockException(ErrorCode code, String message, String field) {
    super(message, null, false, false);
    this.code = code;
    this.field = field;
  }

  public ErrorCode code() {
    return code;
  }

  /** The manifest field at fault, or null. */
  public String field() {
    return field;
  }

  public static DatadockException invalid(String field, String message) {
    return new DatadockException(ErrorCode.INVALID, message, field);
  }

  public static DatadockException malformed(String message) {
    return new DatadockException(ErrorCode.MALFORMED, message, null);
  }
}
