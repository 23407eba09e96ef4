package io.datadock.runtime.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's host name: the default of instance ids and advertised hosts. */
public final class LocalHost {

  private LocalHost() {}

  /** The host name, or {@code fallback} when the machine cannot name itself. */
  public static String nameOr(String fallback) {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return fallback;
    }
  }
}
