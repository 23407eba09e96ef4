package io.datadock.secret.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveError;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalReplyTest {

  @Test
  void everyErrorCarriesTheCodeOfItsStatus() {
    Map<InternalReply, String> codes =
        Map.of(
            InternalReply.malformed("m"), "malformed",
            InternalReply.unauthenticated("m"), "unauthenticated",
            InternalReply.forbidden("m"), "forbidden",
            InternalReply.notFound("m"), "not_found",
            InternalReply.methodNotAllowed("m"), "method_not_allowed",
            InternalReply.conflict("m"), "conflict",
            InternalReply.internal("m"), "internal",
            InternalReply.unavailable("m"), "unavailable");
    Map<String, Integer> statuses =
        Map.of(
            "malformed",
            400,
            "unauthenticated",
            401,
            "forbidden",
            403,
            "not_found",
            404,
            "method_not_allowed",
            405,
            "conflict",
            409,
            "internal",
            500,
            "unavailable",
            503);

    codes.forEach(
        (reply, code) -> {
          assertThat(ResolutionWire.readError(reply.body())).hasValue(new ResolveError(code, "m"));
          assertThat(reply.status()).as(code).isEqualTo(statuses.get(code));
        });
  }

  @Test
  void anAnswerIsJson() {
    InternalReply ok = InternalReply.ok(Map.of("retired", "k-1"));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("{\"retired\":\"k-1\"}");
  }
}
