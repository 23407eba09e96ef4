package io.datadock.core.error;

/**
 * Stable error codes shared by every service and the gateway. The gateway maps each to one HTTP
 * status, in one place; clients and scripts match on the code, people read the message.
 */
public enum ErrorCode {
  MALFORMED("malformed"),
  UNAUTHENTICATED("unauthenticated"),
  FORBIDDEN("forbidden"),
  NOT_FOUND("not_found"),
  CONFLICT("conflict"),
  DEPENDENCY("dependency"),
  TOO_LARGE("too_large"),
  RATE_LIMITED("rate_limited"),
  INVALID("invalid"),
  /** Sealed data names a sealing key secret-service does not hold: re-apply to seal it anew. */
  SEALING_KEY_NOT_HELD("sealing_key_not_held"),
  TIMEOUT("timeout"),
  UNAVAILABLE("unavailable"),
  INTERNAL("internal");

  private final String code;

  ErrorCode(String code) {
    this.code = code;
  }

  /** The wire form, as in {@code {"error": {"code": "invalid"}}}. */
  public String code() {
    return code;
  }

  public static ErrorCode fromCode(String code) {
    for (ErrorCode c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    return INTERNAL;
  }
}
