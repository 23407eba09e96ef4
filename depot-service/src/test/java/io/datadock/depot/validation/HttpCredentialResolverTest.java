package io.datadock.depot.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpCredentialResolverTest {

  @Test
  void aPropertiesFieldIsUnfoldedIntoItsPairs() {
    Map<String, String> pairs =
        HttpCredentialResolver.unfold(
            Map.of("properties", "password=p\\\\w=1\\nx\nusername=orders_app\n"));

    assertThat(pairs)
        .containsEntry("username", "orders_app")
        .containsEntry("password", "p\\w=1\nx");
  }

  @Test
  void keyValueFieldsStayAsTheyAre() {
    Map<String, String> fields = Map.of("username", "u", "password", "p");
    assertThat(HttpCredentialResolver.unfold(fields)).isEqualTo(fields);
  }
}
