package io.datadock.runtime.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveAnswer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialResolutionClientTest {

  @Test
  void aPropertiesFieldIsUnfoldedIntoItsPairs() {
    Map<String, String> pairs =
        CredentialResolutionClient.unfold(
            Map.of("properties", "password=p\\\\w=1\\nx\nusername=orders_app\n"));

    assertThat(pairs)
        .containsEntry("username", "orders_app")
        .containsEntry("password", "p\\w=1\nx");
  }

  @Test
  void keyValueFieldsStayAsTheyAre() {
    Map<String, String> fields = Map.of("username", "u", "password", "p");
    assertThat(CredentialResolutionClient.unfold(fields)).isEqualTo(fields);
  }

  @Test
  void filesAreDecodedByNameAndNeverShownByToString() {
    ResolveAnswer answer =
        ResolutionWire.readAnswer(
                "{\"fields\": {}, \"files\": {\"sslrootcert\": \"QUJD\"}}"
                    .getBytes(StandardCharsets.UTF_8))
            .orElseThrow();
    Map<String, byte[]> files = CredentialResolutionClient.files(answer.files());
    assertThat(files).containsOnlyKeys("sslrootcert");
    assertThat(new String(files.get("sslrootcert"))).isEqualTo("ABC");
    assertThat(new CredentialResolutionClient.Resolved(Map.of("password", "p"), files).toString())
        .isEqualTo("Resolved[data keys=[password], file keys=[sslrootcert]]");
    assertThat(
            CredentialResolutionClient.files(
                ResolutionWire.readAnswer("{}".getBytes(StandardCharsets.UTF_8))
                    .orElseThrow()
                    .files()))
        .isEmpty();
  }

  @Test
  void aFileThatIsNotBase64IsRefusedByNameWithoutItsValue() {
    assertThatThrownBy(
            () -> CredentialResolutionClient.files(Map.of("client.key", "not*base64*secret")))
        .isInstanceOf(CredentialResolutionClient.ResolutionException.class)
        .hasMessage("secret-service answered file 'client.key' in a form that is not base64");
  }
}
