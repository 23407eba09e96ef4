package io.datadock.connectors.jdbc;

import io.datadock.core.manifest.depot.JdbcDriver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code params} of a JDBC connection that reach the driver's URL: those the driver allows
 * ({@link JdbcDriver#param}), under the driver's spelling, in their given order. Others are dropped
 * and logged by name, never by value: a key off the allowlist, a value that is not a plain scalar
 * or that holds the driver's separators ({@link JdbcDriver#allowsValue}).
 */
final class UrlParams {

  private static final Logger LOG = LoggerFactory.getLogger(UrlParams.class);
  private static final int NAME_SHOWN = 64;

  private UrlParams() {}

  /**
   * @param params the connection's {@code params} field (a map when given)
   * @param type the source type, for the log
   */
  static Map<String, String> allowed(JdbcDriver driver, Object params, String type) {
    Map<String, String> allowed = new LinkedHashMap<>();
    if (params instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if (k == null || v == null) {
              return;
            }
            Optional<String> name = driver.param(k.toString());
            String value = v.toString();
            if (name.isEmpty()) {
              dropped(type, k, "not a property passed to the " + driver.subprotocol() + " driver");
            } else if (!(v instanceof String || v instanceof Number || v instanceof Boolean)
                || !driver.allowsValue(value)) {
              dropped(
                  type,
                  k,
                  "its value is not a plain value for the " + driver.subprotocol() + " URL");
            } else {
              allowed.put(name.get(), value);
            }
          });
    }
    return allowed;
  }

  private static void dropped(String type, Object key, String reason) {
    String name = key.toString();
    LOG.warn(
        "jdbc param dropped type={} param={} reason={}",
        type,
        name.length() <= NAME_SHOWN ? name : name.substring(0, NAME_SHOWN) + "...",
        reason);
  }
}
