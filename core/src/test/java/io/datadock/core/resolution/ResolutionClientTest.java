package io.datadock.core.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolutionClientTest {

  @Test
  void aPropertiesFieldIsUnfoldedIntoItsPairs() {
    Map<String, String> pairs =
        ResolutionClient.unfold(
            Map.of("properties", "password=p\\\\w=1\\nx\nusername=orders_app\n"));

    assertThat(pairs)
        .containsEntry("username", "orders_app")
        .containsEntry("password", "p\\w=1\nx");
  }

  @Test
  void keyValueFieldsStayAsTheyAre() {
    Map<String, String> fields = Map.of("username", "u", "password", "p");
    assertThat(ResolutionClient.unfold(fields)).isEqualTo(fields);
  }
}
