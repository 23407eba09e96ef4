package io.datadock.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.manifest.depot.JdbcDriver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlParamsTest {

  @Test
  void allowedParamsPassInTheDriversSpellingAndTheirOrder() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("SSLMODE", "require");
    params.put("applicationname", "orders");
    params.put("preparethreshold", 5);

    assertThat(UrlParams.allowed(JdbcDriver.POSTGRESQL, params, "postgres"))
        .containsExactly(
            Map.entry("sslmode", "require"),
            Map.entry("ApplicationName", "orders"),
            Map.entry("prepareThreshold", "5"));
  }

  @Test
  void unknownKeysNonScalarsAndValuesWithSeparatorsAreDropped() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("socketFactory", "evil.Factory");
    params.put("sslmode", List.of("require"));
    params.put("applicationName", "app&sslmode=disable");
    params.put(null, "x");
    params.put("sslcert", null);

    assertThat(UrlParams.allowed(JdbcDriver.POSTGRESQL, params, "postgres")).isEmpty();
  }

  @Test
  void noParamsOrParamsThatAreNotAMapGiveNone() {
    assertThat(UrlParams.allowed(JdbcDriver.POSTGRESQL, null, "postgres")).isEmpty();
    assertThat(UrlParams.allowed(JdbcDriver.POSTGRESQL, "sslmode=require", "postgres")).isEmpty();
  }
}
