package io.datadock.runtime.replay;

/** The state cannot be read right now (tasks being assigned or restored); asking again will do. */
public final class StateNotReadableYet extends RuntimeException {

  public StateNotReadableYet(String message, Throwable cause) {
    super(message, cause);
  }
}
