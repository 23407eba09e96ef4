package io.datadock.gateway.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a part of the gateway opened, closed in the order it was opened; a failure is logged. */
final class Closeables implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Closeables.class);

  private final List<AutoCloseable> opened = new ArrayList<>();

  <T extends AutoCloseable> T add(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  @Override
  public void close() {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", c.getClass().getSimpleName(), e);
      }
    }
    opened.clear();
  }
}
