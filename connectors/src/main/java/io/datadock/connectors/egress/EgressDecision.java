package io.datadock.connectors.egress;

/**
 * The policy's answer for one address and port.
 *
 * @param allowed whether a connection may be made
 * @param reason for a denial the message to show ({@code egress denied: 10.1.2.3 is in
 *     10.0.0.0/8}); for an allowance which rule allowed it
 */
public record EgressDecision(boolean allowed, String reason) {

  public static final String DENIED = "egress denied: ";

  static EgressDecision allow(String reason) {
    return new EgressDecision(true, reason);
  }

  static EgressDecision deny(String reason) {
    return new EgressDecision(false, DENIED + reason);
  }
}
