package io.datadock.schemas;

/** A record could not be encoded or decoded. Never carries record contents in its message. */
public final class RecordCodecException extends RuntimeException {
  public RecordCodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
