package io.datadock.connectors;

/**
 * A connection field no connector will put into a URL (it is not what its kind allows). Its message
 * names the field and the rule, never the value, so it can be shown to users as it is.
 */
public final class UnsafeConnectionField extends IllegalArgumentException {

  public UnsafeConnectionField(String message) {
    super(message);
  }
}
