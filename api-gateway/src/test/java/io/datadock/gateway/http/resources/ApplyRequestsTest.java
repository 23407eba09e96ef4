package io.datadock.gateway.http.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

class ApplyRequestsTest {

  @Test
  void ifMatchIsAResourceVersionQuotedOrNot() {
    assertThat(ApplyRequests.ifMatch(null)).isNull();
    assertThat(ApplyRequests.ifMatch("  ")).isNull();
    assertThat(ApplyRequests.ifMatch("7")).isEqualTo(7L);
    assertThat(ApplyRequests.ifMatch(" \"12\" ")).isEqualTo(12L);
  }

  @Test
  void anIfMatchThatIsNoNumberIsMalformed() {
    assertThatThrownBy(() -> ApplyRequests.ifMatch("W/\"abc\""))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED))
        .hasMessage("If-Match must be a resourceVersion (a number), got 'W/abc'");
  }

  @Test
  void theContentTypeDecidesJsonOrYaml() {
    assertThat(ApplyRequests.isJson("application/json; charset=utf-8", "name: x")).isTrue();
    assertThat(ApplyRequests.isJson("Application/JSON", "name: x")).isTrue();
    assertThat(ApplyRequests.isJson("application/yaml", "{\"name\": \"x\"}")).isFalse();
    assertThat(ApplyRequests.isJson("text/x-yaml", "[1]")).isFalse();
  }

  @Test
  void withoutAContentTypeTheBodysFirstSignDecides() {
    assertThat(ApplyRequests.isJson(null, "  \n{\"name\": \"x\"}")).isTrue();
    assertThat(ApplyRequests.isJson("text/plain", "[{\"name\": \"x\"}]")).isTrue();
    assertThat(ApplyRequests.isJson(null, "name: x\nversion: v1\n")).isFalse();
  }
}
