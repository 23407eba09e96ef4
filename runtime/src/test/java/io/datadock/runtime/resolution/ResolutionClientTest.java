package io.datadock.runtime.resolution;

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

  @Test
  void filesAreDecodedByNameAndNeverShownByToString() throws Exception {
    com.fasterxml.jackson.databind.JsonNode answer =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree("{\"fields\": {}, \"files\": {\"sslrootcert\": \"QUJD\"}}");
    Map<String, byte[]> files = ResolutionClient.files(answer);
    assertThat(files).containsOnlyKeys("sslrootcert");
    assertThat(new String(files.get("sslrootcert"))).isEqualTo("ABC");
    assertThat(new ResolutionClient.Resolved(Map.of("password", "p"), files).toString())
        .isEqualTo("Resolved[data keys=[password], file keys=[sslrootcert]]");
    assertThat(
            ResolutionClient.files(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{}")))
        .isEmpty();
  }
}
