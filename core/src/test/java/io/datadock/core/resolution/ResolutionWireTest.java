package io.datadock.core.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolutionWireTest {

  @Test
  void aRequestNamesSecretPurposeAndADepotOnlyWhenGiven() {
    assertThat(text(ResolutionWire.write(new ResolveRequest("t/secret/a", "scan", "t/depot/d"))))
        .isEqualTo("{\"secret\":\"t/secret/a\",\"purpose\":\"scan\",\"depot\":\"t/depot/d\"}");
    assertThat(text(ResolutionWire.write(ResolveRequest.of("t/secret/a", "unsanitize"))))
        .isEqualTo("{\"secret\":\"t/secret/a\",\"purpose\":\"unsanitize\"}");
  }

  @Test
  void aRequestReadsBackAndAnythingWithoutATextualSecretAndPurposeIsMalformed() {
    ResolveRequest request = new ResolveRequest("t/secret/a", "rw", "t/depot/d");
    assertThat(ResolutionWire.readRequest(ResolutionWire.write(request))).hasValue(request);
    assertThat(ResolutionWire.readRequest(bytes("{\"secret\":\"s\",\"purpose\":\"steal\"}")))
        .hasValue(new ResolveRequest("s", "steal", null));
    assertThat(
            ResolutionWire.readRequest(
                bytes("{\"secret\":\"s\",\"purpose\":\"rw\",\"depot\":null}")))
        .hasValue(new ResolveRequest("s", "rw", null));
    for (String bad :
        new String[] {
          "",
          "not json",
          "[]",
          "null",
          "{\"secret\":\"s\"}",
          "{\"purpose\":\"rw\"}",
          "{\"secret\":1,\"purpose\":\"rw\"}",
          "{\"secret\":\"s\",\"purpose\":[\"rw\"]}"
        }) {
      assertThat(ResolutionWire.readRequest(bytes(bad))).as(bad).isEmpty();
    }
  }

  @Test
  void anAnswerKeepsFieldAndFileOrderAndReadsBack() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", "u");
    fields.put("password", "p");
    ResolveAnswer answer =
        new ResolveAnswer("t/secret/a", "scan", fields, Map.of("sslrootcert", "QUJD"));

    byte[] wire = ResolutionWire.write(answer);

    assertThat(text(wire))
        .isEqualTo(
            "{\"secret\":\"t/secret/a\",\"purpose\":\"scan\","
                + "\"fields\":{\"username\":\"u\",\"password\":\"p\"},"
                + "\"files\":{\"sslrootcert\":\"QUJD\"}}");
    assertThat(ResolutionWire.readAnswer(wire)).hasValue(answer);
  }

  @Test
  void anAnswerFromAnOlderSecretServiceHasNoFilesAndNonJsonIsNoAnswer() {
    assertThat(ResolutionWire.readAnswer(bytes("{\"fields\":{\"port\":5432}}")))
        .hasValueSatisfying(
            a -> {
              assertThat(a.fields()).containsExactly(Map.entry("port", "5432"));
              assertThat(a.files()).isEmpty();
            });
    assertThat(ResolutionWire.readAnswer(bytes("<html>"))).isEmpty();
  }

  @Test
  void anAnswersToStringNamesKeysOnly() {
    ResolveAnswer answer =
        new ResolveAnswer(
            "t/secret/a", "rw", Map.of("password", "hunter2"), Map.of("k", "c2VjcmV0"));

    assertThat(answer.toString())
        .isEqualTo(
            "ResolveAnswer[secret=t/secret/a, purpose=rw, field keys=[password], file keys=[k]]")
        .doesNotContain("hunter2")
        .doesNotContain("c2VjcmV0");
  }

  @Test
  void anErrorIsCodeAndMessageUnderError() {
    ResolveError error = new ResolveError("forbidden", "only users may unsanitize");

    assertThat(text(ResolutionWire.write(error)))
        .isEqualTo(
            "{\"error\":{\"code\":\"forbidden\",\"message\":\"only users may unsanitize\"}}");
    assertThat(ResolutionWire.readError(ResolutionWire.write(error))).hasValue(error);
    assertThat(ResolutionWire.readError(bytes("{\"fields\":{}}"))).isEmpty();
    assertThat(ResolutionWire.readError(bytes("Internal Server Error"))).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
