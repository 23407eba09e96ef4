package io.datadock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, from a resource Maven filters at build time. */
public final class Version {

  private Version() {}

  public static String get() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
