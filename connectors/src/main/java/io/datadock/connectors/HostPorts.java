package io.datadock.connectors;

import io.datadock.connectors.egress.Destination.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code host:port} entries of a connection field (Kafka's {@code brokers}, MongoDB's {@code
 * nodes}): a list, or one comma-separated string; a leading {@code scheme://} is ignored, and an
 * entry without a port gets the family's default.
 */
public final class HostPorts {

  private HostPorts() {}

  public static List<Endpoint> parse(Object field, int defaultPort) {
    List<String> entries = new ArrayList<>();
    if (field instanceof List<?> list) {
      list.forEach(item -> entries.add(String.valueOf(item)));
    } else if (field instanceof String text) {
      entries.addAll(List.of(text.split(",")));
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (String entry : entries) {
      String address = entry.trim().replaceFirst("^[A-Za-z_+]+://", "");
      if (address.isEmpty()) {
        continue;
      }
      int colon = address.lastIndexOf(':');
      if (colon > 0) {
        try {
          endpoints.add(
              new Endpoint(
                  address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
          continue;
        } catch (NumberFormatException e) {
          // not a port: take the whole entry as the host
        }
      }
      endpoints.add(new Endpoint(address, defaultPort));
    }
    return endpoints;
  }
}
