package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A JDBC depot's {@code params}: each key on its driver's allowlist ({@link JdbcDriver}), each
 * value a plain string, number or boolean free of the driver's separators. Credential-like keys
 * were refused before ({@link InlineCredentials}).
 */
final class JdbcParams {

  private JdbcParams() {}

  static SortedMap<String, Object> validate(JdbcDriver driver, Object value, String path) {
    Map<String, Object> params = Values.map(value, path);
    SortedMap<String, Object> out = new TreeMap<>();
    params.forEach(
        (key, v) -> {
          String keyPath = path + "." + key;
          if (driver.param(key).isEmpty()) {
            throw DatadockException.invalid(keyPath, notAllowed(driver, key, keyPath));
          }
          if (v == null) {
            return;
          }
          if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
            throw DatadockException.invalid(
                keyPath, keyPath + " must be a string, number or boolean");
          }
          if (!driver.allowsValue(v.toString())) {
            throw DatadockException.invalid(
                keyPath,
                keyPath
                    + " must be at most "
                    + JdbcDriver.MAX_VALUE_LENGTH
                    + " characters with no control character"
                    + (driver.separators().isEmpty()
                        ? ""
                        : " and none of " + String.join(" ", driver.separators().split(""))));
          }
          out.put(key, v);
        });
    return out;
  }

  private static String notAllowed(JdbcDriver driver, String key, String keyPath) {
    if (driver.params().isEmpty()) {
      return keyPath + " is not allowed: the " + driver.subprotocol() + " driver takes no params";
    }
    return keyPath
        + " is not a connection property Datadock passes to the "
        + driver.subprotocol()
        + " driver (properties that read files, load classes or change where or how it connects"
        + " are refused); allowed: "
        + String.join(", ", driver.params());
  }
}
